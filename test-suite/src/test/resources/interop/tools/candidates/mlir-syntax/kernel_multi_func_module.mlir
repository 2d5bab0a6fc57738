module attributes {t.target = "cim"} {
  func.func private @helper(%x: f32) -> f32 {
    %c = arith.constant 3.0 : f32
    %r = arith.mulf %x, %c : f32
    return %r : f32
  }
  func.func @main(%buf: memref<4xf32>) {
    %c0 = arith.constant 0 : index
    %c4 = arith.constant 4 : index
    %c1 = arith.constant 1 : index
    scf.for %i = %c0 to %c4 step %c1 {
      %v = memref.load %buf[%i] : memref<4xf32>
      %h = func.call @helper(%v) : (f32) -> f32
      memref.store %h, %buf[%i] : memref<4xf32>
    }
    return
  }
}
