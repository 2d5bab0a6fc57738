// affine dialect: for with map bounds and iter_args, if with integer sets,
// load/store, apply, min/max, parallel with reductions, delinearize.
#lb = affine_map<(d0) -> (d0)>
#ub = affine_map<(d0)[s0] -> (d0 + s0, 128)>
#set = affine_set<(d0, d1)[s0] : (d0 - 10 >= 0, s0 - d0 - 9 >= 0, d1 == 0)>
func.func @affine(%m: memref<128x128xf32>, %n: index, %t: index) -> f32 {
  %zero = arith.constant 0.0 : f32
  affine.for %i = 0 to 128 step 4 {
    affine.for %j = #lb(%i) to min #ub(%i)[%n] {
      %v = affine.load %m[%i + 1, %j * 2 - 3] : memref<128x128xf32>
      affine.if #set(%i, %j)[%n] {
        affine.store %v, %m[%i, %j floordiv 2] : memref<128x128xf32>
      } else {
        affine.store %zero, %m[%i mod 4, %j ceildiv 8] : memref<128x128xf32>
      }
    }
  }
  %sum = affine.for %k = 0 to %n iter_args(%acc = %zero) -> (f32) {
    %x = affine.load %m[%k, %k] : memref<128x128xf32>
    %s = arith.addf %acc, %x : f32
    affine.yield %s : f32
  }
  %a = affine.apply affine_map<(d0)[s0] -> (d0 * 3 + s0)>(%n)[%t]
  %mn = affine.min affine_map<(d0) -> (d0, 64)>(%a)
  %mx = affine.max affine_map<(d0, d1) -> (d0 - d1, 0)>(%a, %mn)
  %p = affine.parallel (%i, %j) = (0, 0) to (128, 128) step (32, 32) reduce ("addf") -> f32 {
    %e = affine.load %m[%i, %j] : memref<128x128xf32>
    affine.yield %e : f32
  }
  %idx:2 = affine.delinearize_index %a into (16, 8) : index, index
  %lin = affine.linearize_index [%idx#0, %idx#1] by (16, 8) : index
  %r = arith.addf %sum, %p : f32
  return %r : f32
}
