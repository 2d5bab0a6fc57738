func.func @axpy(%a: f32, %x: memref<128xf32>, %y: memref<128xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c128 = arith.constant 128 : index
  scf.for %i = %c0 to %c128 step %c1 {
    %xi = memref.load %x[%i] : memref<128xf32>
    %yi = memref.load %y[%i] : memref<128xf32>
    %p = arith.mulf %a, %xi : f32
    %s = arith.addf %p, %yi : f32
    memref.store %s, %y[%i] : memref<128xf32>
  }
  return
}
