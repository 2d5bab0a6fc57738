"builtin.module"() ({
  "func.func"() <{function_type = (index, tensor<4x4xf32>) -> (tensor<?xindex>, tensor<6x6xf32>), sym_name = "gen_pad"}> ({
  ^bb0(%arg0: index, %arg1: tensor<4x4xf32>):
    %0 = "tensor.generate"(%arg0) ({
    ^bb0(%arg4: index):
      %3 = "arith.muli"(%arg4, %arg4) <{overflowFlags = #arith.overflow<none>}> : (index, index) -> index
      "tensor.yield"(%3) : (index) -> ()
    }) : (index) -> tensor<?xindex>
    %1 = "arith.constant"() <{value = 0.000000e+00 : f32}> : () -> f32
    %2 = "tensor.pad"(%arg1) <{operandSegmentSizes = array<i32: 1, 0, 0>, static_high = array<i64: 1, 1>, static_low = array<i64: 1, 1>}> ({
    ^bb0(%arg2: index, %arg3: index):
      "tensor.yield"(%1) : (f32) -> ()
    }) : (tensor<4x4xf32>) -> tensor<6x6xf32>
    "func.return"(%0, %2) : (tensor<?xindex>, tensor<6x6xf32>) -> ()
  }) : () -> ()
}) : () -> ()

