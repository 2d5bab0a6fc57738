func.func @shapes(%t: tensor<?x?xf32>) -> (tensor<?x8xf32>, index, tensor<4x?xf32>) {
  %c0 = arith.constant 0 : index
  %d0 = tensor.dim %t, %c0 : tensor<?x?xf32>
  %e = tensor.empty(%d0) : tensor<?x8xf32>
  %c = tensor.cast %t : tensor<?x?xf32> to tensor<4x?xf32>
  return %e, %d0, %c : tensor<?x8xf32>, index, tensor<4x?xf32>
}
