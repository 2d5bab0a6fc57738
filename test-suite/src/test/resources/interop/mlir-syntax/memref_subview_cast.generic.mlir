"builtin.module"() ({
  "func.func"() <{function_type = (memref<16x16xf32>, index) -> (memref<4x4xf32, strided<[16, 1], offset: ?>>, memref<?x?xf32>, memref<*xf32>, index), sym_name = "views"}> ({
  ^bb0(%arg0: memref<16x16xf32>, %arg1: index):
    %0 = "memref.subview"(%arg0, %arg1) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 4>, static_sizes = array<i64: 4, 4>, static_strides = array<i64: 1, 1>}> : (memref<16x16xf32>, index) -> memref<4x4xf32, strided<[16, 1], offset: ?>>
    %1 = "memref.cast"(%arg0) : (memref<16x16xf32>) -> memref<?x?xf32>
    %2 = "memref.cast"(%arg0) : (memref<16x16xf32>) -> memref<*xf32>
    %3 = "arith.constant"() <{value = 1 : index}> : () -> index
    %4 = "memref.dim"(%1, %3) : (memref<?x?xf32>, index) -> index
    "func.return"(%0, %1, %2, %4) : (memref<4x4xf32, strided<[16, 1], offset: ?>>, memref<?x?xf32>, memref<*xf32>, index) -> ()
  }) : () -> ()
}) : () -> ()

