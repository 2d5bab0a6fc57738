func.func @reshape(%m: memref<4x8xf32>) -> (memref<32xf32>, memref<2x2x8xf32>) {
  %0 = memref.collapse_shape %m [[0, 1]] : memref<4x8xf32> into memref<32xf32>
  %1 = memref.expand_shape %m [[0, 1], [2]] output_shape [2, 2, 8] : memref<4x8xf32> into memref<2x2x8xf32>
  return %0, %1 : memref<32xf32>, memref<2x2x8xf32>
}
