func.func @nested(%m: memref<8x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %cst = arith.constant 2.0 : f32
  scf.for %i = %c0 to %c8 step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      %v = memref.load %m[%i, %j] : memref<8x8xf32>
      %d = arith.mulf %v, %cst : f32
      memref.store %d, %m[%i, %j] : memref<8x8xf32>
    }
  }
  return
}
