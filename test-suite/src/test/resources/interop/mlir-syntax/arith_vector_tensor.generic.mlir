"builtin.module"() ({
  "func.func"() <{function_type = (vector<4xf32>, vector<4xf32>, tensor<8xi32>, tensor<8xi32>) -> (vector<4xf32>, tensor<8xi32>, vector<4xi1>), sym_name = "elementwise"}> ({
  ^bb0(%arg0: vector<4xf32>, %arg1: vector<4xf32>, %arg2: tensor<8xi32>, %arg3: tensor<8xi32>):
    %0 = "arith.addf"(%arg0, %arg1) <{fastmath = #arith.fastmath<none>}> : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
    %1 = "arith.muli"(%arg2, %arg3) <{overflowFlags = #arith.overflow<none>}> : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
    %2 = "arith.cmpf"(%arg0, %arg1) <{fastmath = #arith.fastmath<none>, predicate = 4 : i64}> : (vector<4xf32>, vector<4xf32>) -> vector<4xi1>
    "func.return"(%0, %1, %2) : (vector<4xf32>, tensor<8xi32>, vector<4xi1>) -> ()
  }) : () -> ()
}) : () -> ()

