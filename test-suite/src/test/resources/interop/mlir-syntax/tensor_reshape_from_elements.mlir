func.func @reshape(%t: tensor<2x3xi32>, %a: i32, %b: i32) -> (tensor<6xi32>, tensor<2xi32>, tensor<1x2x3xi32>) {
  %0 = tensor.collapse_shape %t [[0, 1]] : tensor<2x3xi32> into tensor<6xi32>
  %1 = tensor.from_elements %a, %b : tensor<2xi32>
  %2 = tensor.expand_shape %t [[0, 1], [2]] output_shape [1, 2, 3] : tensor<2x3xi32> into tensor<1x2x3xi32>
  return %0, %1, %2 : tensor<6xi32>, tensor<2xi32>, tensor<1x2x3xi32>
}
