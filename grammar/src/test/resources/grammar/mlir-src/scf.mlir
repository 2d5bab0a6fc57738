// scf dialect: for with iter_args, if/else with results, while, parallel with
// reduce, forall with in_parallel, index_switch, execute_region.
func.func @loops(%lb: index, %ub: index, %step: index, %init: f32, %buf: memref<?xf32>) -> f32 {
  %sum = scf.for %iv = %lb to %ub step %step iter_args(%acc = %init) -> (f32) {
    %v = memref.load %buf[%iv] : memref<?xf32>
    %n = arith.addf %acc, %v : f32
    scf.yield %n : f32
  }
  %c0 = arith.constant 0 : index
  %cond = arith.cmpi eq, %lb, %c0 : index
  %r:2 = scf.if %cond -> (f32, index) {
    scf.yield %sum, %lb : f32, index
  } else {
    scf.yield %init, %ub : f32, index
  }
  scf.if %cond {
    memref.store %init, %buf[%c0] : memref<?xf32>
  }
  %w = scf.while (%arg = %lb) : (index) -> index {
    %lt = arith.cmpi slt, %arg, %ub : index
    scf.condition(%lt) %arg : index
  } do {
  ^bb0(%arg1: index):
    %next = arith.addi %arg1, %step : index
    scf.yield %next : index
  }
  %red = scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%step, %step) init (%init) -> f32 {
    %e = memref.load %buf[%i] : memref<?xf32>
    scf.reduce(%e : f32) {
    ^bb0(%lhs: f32, %rhs: f32):
      %s = arith.addf %lhs, %rhs : f32
      scf.reduce.return %s : f32
    }
  }
  %sw = scf.index_switch %w -> f32
  case 0 {
    scf.yield %red : f32
  }
  case 7 {
    scf.yield %init : f32
  }
  default {
    scf.yield %sum : f32
  }
  %ex = scf.execute_region -> f32 {
    scf.yield %sw : f32
  }
  return %ex : f32
}

func.func @forall(%t: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %r = scf.forall (%i, %j) in (8, 16) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    %e = tensor.extract_slice %t[%i, %j] [1, 1] [1, 1] : tensor<8x16xf32> to tensor<1x1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %e into %o[%i, %j] [1, 1] [1, 1] : tensor<1x1xf32> into tensor<8x16xf32>
    }
  } {mapping = [#gpu.thread<y>, #gpu.thread<x>]}
  return %r : tensor<8x16xf32>
}
