"builtin.module"() ({
  "func.func"() <{function_type = (index) -> memref<?x4xf32>, sym_name = "alloc_copy"}> ({
  ^bb0(%arg0: index):
    %0 = "memref.alloc"(%arg0) <{operandSegmentSizes = array<i32: 1, 0>}> : (index) -> memref<?x4xf32>
    %1 = "memref.alloc"(%arg0) <{alignment = 64 : i64, operandSegmentSizes = array<i32: 1, 0>}> : (index) -> memref<?x4xf32>
    "memref.copy"(%0, %1) : (memref<?x4xf32>, memref<?x4xf32>) -> ()
    "memref.dealloc"(%0) : (memref<?x4xf32>) -> ()
    "func.return"(%1) : (memref<?x4xf32>) -> ()
  }) : () -> ()
}) : () -> ()

