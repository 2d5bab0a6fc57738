func.func @swap(%t: tensor<8xf32>, %i: index, %j: index) -> tensor<8xf32> {
  %a = tensor.extract %t[%i] : tensor<8xf32>
  %b = tensor.extract %t[%j] : tensor<8xf32>
  %t1 = tensor.insert %a into %t[%j] : tensor<8xf32>
  %t2 = tensor.insert %b into %t1[%i] : tensor<8xf32>
  return %t2 : tensor<8xf32>
}
