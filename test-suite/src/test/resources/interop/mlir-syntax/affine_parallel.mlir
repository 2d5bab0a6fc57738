func.func @par(%m: memref<32x32xf32>) {
  %cst = arith.constant 1.0 : f32
  affine.parallel (%i, %j) = (0, 0) to (32, 32) step (2, 4) {
    affine.store %cst, %m[%i, %j] : memref<32x32xf32>
  }
  return
}
