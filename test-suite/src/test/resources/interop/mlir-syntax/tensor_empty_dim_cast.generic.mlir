"builtin.module"() ({
  "func.func"() <{function_type = (tensor<?x?xf32>) -> (tensor<?x8xf32>, index, tensor<4x?xf32>), sym_name = "shapes"}> ({
  ^bb0(%arg0: tensor<?x?xf32>):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "tensor.dim"(%arg0, %0) : (tensor<?x?xf32>, index) -> index
    %2 = "tensor.empty"(%1) : (index) -> tensor<?x8xf32>
    %3 = "tensor.cast"(%arg0) : (tensor<?x?xf32>) -> tensor<4x?xf32>
    "func.return"(%2, %1, %3) : (tensor<?x8xf32>, index, tensor<4x?xf32>) -> ()
  }) : () -> ()
}) : () -> ()

