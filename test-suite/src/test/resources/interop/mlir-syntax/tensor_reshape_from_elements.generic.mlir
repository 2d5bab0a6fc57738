"builtin.module"() ({
  "func.func"() <{function_type = (tensor<2x3xi32>, i32, i32) -> (tensor<6xi32>, tensor<2xi32>, tensor<1x2x3xi32>), sym_name = "reshape"}> ({
  ^bb0(%arg0: tensor<2x3xi32>, %arg1: i32, %arg2: i32):
    %0 = "tensor.collapse_shape"(%arg0) <{reassociation = [[0, 1]]}> : (tensor<2x3xi32>) -> tensor<6xi32>
    %1 = "tensor.from_elements"(%arg1, %arg2) : (i32, i32) -> tensor<2xi32>
    %2 = "tensor.expand_shape"(%arg0) <{reassociation = [[0, 1], [2]], static_output_shape = array<i64: 1, 2, 3>}> : (tensor<2x3xi32>) -> tensor<1x2x3xi32>
    "func.return"(%0, %1, %2) : (tensor<6xi32>, tensor<2xi32>, tensor<1x2x3xi32>) -> ()
  }) : () -> ()
}) : () -> ()

