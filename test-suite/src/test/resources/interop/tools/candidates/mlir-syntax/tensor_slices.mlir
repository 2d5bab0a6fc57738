func.func @tile(%t: tensor<64x64xf32>, %i: index, %j: index) -> tensor<64x64xf32> {
  %s = tensor.extract_slice %t[%i, %j] [16, 16] [1, 1] : tensor<64x64xf32> to tensor<16x16xf32>
  %c = arith.constant 2.0 : f32
  %f = linalg.fill ins(%c : f32) outs(%s : tensor<16x16xf32>) -> tensor<16x16xf32>
  %r = tensor.insert_slice %f into %t[%i, %j] [16, 16] [1, 1] : tensor<16x16xf32> into tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}
