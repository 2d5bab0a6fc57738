"builtin.module"() ({
  "func.func"() <{function_type = () -> (i32, f32, index, i1, f64, vector<4xf32>, tensor<2x2xi8>), sym_name = "constants"}> ({
    %0 = "arith.constant"() <{value = 42 : i32}> : () -> i32
    %1 = "arith.constant"() <{value = 1.500000e+00 : f32}> : () -> f32
    %2 = "arith.constant"() <{value = 0 : index}> : () -> index
    %3 = "arith.constant"() <{value = true}> : () -> i1
    %4 = "arith.constant"() <{value = 0x7FF8000000000000 : f64}> : () -> f64
    %5 = "arith.constant"() <{value = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : vector<4xf32>}> : () -> vector<4xf32>
    %6 = "arith.constant"() <{value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>}> : () -> tensor<2x2xi8>
    "func.return"(%0, %1, %2, %3, %4, %5, %6) : (i32, f32, index, i1, f64, vector<4xf32>, tensor<2x2xi8>) -> ()
  }) : () -> ()
}) : () -> ()

