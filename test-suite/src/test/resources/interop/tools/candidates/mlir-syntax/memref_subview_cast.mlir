func.func @views(%m: memref<16x16xf32>, %o: index) -> (memref<4x4xf32, strided<[16, 1], offset: ?>>, memref<?x?xf32>, memref<*xf32>, index) {
  %sv = memref.subview %m[%o, 4] [4, 4] [1, 1] : memref<16x16xf32> to memref<4x4xf32, strided<[16, 1], offset: ?>>
  %c = memref.cast %m : memref<16x16xf32> to memref<?x?xf32>
  %u = memref.cast %m : memref<16x16xf32> to memref<*xf32>
  %c1 = arith.constant 1 : index
  %d = memref.dim %c, %c1 : memref<?x?xf32>
  return %sv, %c, %u, %d : memref<4x4xf32, strided<[16, 1], offset: ?>>, memref<?x?xf32>, memref<*xf32>, index
}
