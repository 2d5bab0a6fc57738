func.func @scale(%m: memref<100xf32>, %s: f32) {
  affine.for %i = 0 to 100 {
    %v = affine.load %m[%i] : memref<100xf32>
    %p = arith.mulf %v, %s : f32
    affine.store %p, %m[%i] : memref<100xf32>
  }
  return
}
