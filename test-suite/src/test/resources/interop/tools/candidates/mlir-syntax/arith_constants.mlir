func.func @constants() -> (i32, f32, index, i1, f64, vector<4xf32>, tensor<2x2xi8>) {
  %c42_i32 = arith.constant 42 : i32
  %cst = arith.constant 1.5 : f32
  %c0 = arith.constant 0 : index
  %true = arith.constant true
  %cst_0 = arith.constant 0x7FF8000000000000 : f64
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
  %t = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>
  return %c42_i32, %cst, %c0, %true, %cst_0, %v, %t : i32, f32, index, i1, f64, vector<4xf32>, tensor<2x2xi8>
}
