func.func @sw(%i: index) -> i32 {
  %r = scf.index_switch %i -> i32
  case 0 {
    %c10 = arith.constant 10 : i32
    scf.yield %c10 : i32
  }
  case 5 {
    %c50 = arith.constant 50 : i32
    scf.yield %c50 : i32
  }
  default {
    %cm1 = arith.constant -1 : i32
    scf.yield %cm1 : i32
  }
  return %r : i32
}
