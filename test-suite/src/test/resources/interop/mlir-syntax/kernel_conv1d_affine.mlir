func.func @conv1d(%in: memref<34xf32>, %w: memref<3xf32>, %out: memref<32xf32>) {
  %zero = arith.constant 0.0 : f32
  affine.for %i = 0 to 32 {
    %acc = affine.for %k = 0 to 3 iter_args(%s = %zero) -> (f32) {
      %x = affine.load %in[%i + %k] : memref<34xf32>
      %wk = affine.load %w[%k] : memref<3xf32>
      %p = arith.mulf %x, %wk : f32
      %n = arith.addf %s, %p : f32
      affine.yield %n : f32
    }
    affine.store %acc, %out[%i] : memref<32xf32>
  }
  return
}
