"builtin.module"() ({
  "func.func"() <{function_type = (tensor<8xf32>, index, index) -> tensor<8xf32>, sym_name = "swap"}> ({
  ^bb0(%arg0: tensor<8xf32>, %arg1: index, %arg2: index):
    %0 = "tensor.extract"(%arg0, %arg1) : (tensor<8xf32>, index) -> f32
    %1 = "tensor.extract"(%arg0, %arg2) : (tensor<8xf32>, index) -> f32
    %2 = "tensor.insert"(%0, %arg0, %arg2) : (f32, tensor<8xf32>, index) -> tensor<8xf32>
    %3 = "tensor.insert"(%1, %2, %arg1) : (f32, tensor<8xf32>, index) -> tensor<8xf32>
    "func.return"(%3) : (tensor<8xf32>) -> ()
  }) : () -> ()
}) : () -> ()

