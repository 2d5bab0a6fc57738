func.func @elementwise(%a: vector<4xf32>, %b: vector<4xf32>, %t: tensor<8xi32>, %u: tensor<8xi32>) -> (vector<4xf32>, tensor<8xi32>, vector<4xi1>) {
  %0 = arith.addf %a, %b : vector<4xf32>
  %1 = arith.muli %t, %u : tensor<8xi32>
  %2 = arith.cmpf olt, %a, %b : vector<4xf32>
  return %0, %1, %2 : vector<4xf32>, tensor<8xi32>, vector<4xi1>
}
