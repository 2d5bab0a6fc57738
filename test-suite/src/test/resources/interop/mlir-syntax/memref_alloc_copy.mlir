func.func @alloc_copy(%n: index) -> memref<?x4xf32> {
  %0 = memref.alloc(%n) : memref<?x4xf32>
  %1 = memref.alloc(%n) {alignment = 64 : i64} : memref<?x4xf32>
  memref.copy %0, %1 : memref<?x4xf32> to memref<?x4xf32>
  memref.dealloc %0 : memref<?x4xf32>
  return %1 : memref<?x4xf32>
}
