"builtin.module"() ({
  "func.func"() <{function_type = (memref<4x8xf32>) -> (memref<32xf32>, memref<2x2x8xf32>), sym_name = "reshape"}> ({
  ^bb0(%arg0: memref<4x8xf32>):
    %0 = "memref.collapse_shape"(%arg0) <{reassociation = [[0, 1]]}> : (memref<4x8xf32>) -> memref<32xf32>
    %1 = "memref.expand_shape"(%arg0) <{reassociation = [[0, 1], [2]], static_output_shape = array<i64: 2, 2, 8>}> : (memref<4x8xf32>) -> memref<2x2x8xf32>
    "func.return"(%0, %1) : (memref<32xf32>, memref<2x2x8xf32>) -> ()
  }) : () -> ()
}) : () -> ()

