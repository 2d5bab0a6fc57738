"builtin.module"() ({
  "memref.global"() <{constant, initial_value = dense<[1, 2, 3, 4]> : tensor<4xi32>, sym_name = "table", sym_visibility = "private", type = memref<4xi32>}> : () -> ()
  "memref.global"() <{initial_value, sym_name = "buffer", type = memref<8xf32>}> : () -> ()
  "func.func"() <{function_type = () -> i32, sym_name = "use_globals"}> ({
    %0 = "memref.get_global"() <{name = @table}> : () -> memref<4xi32>
    %1 = "memref.alloca"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> memref<2xi32, 1>
    %2 = "arith.constant"() <{value = 2 : index}> : () -> index
    %3 = "memref.load"(%0, %2) : (memref<4xi32>, index) -> i32
    "func.return"(%3) : (i32) -> ()
  }) : () -> ()
}) : () -> ()

