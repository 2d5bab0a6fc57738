func.func @tiled_add(%a: tensor<128xf32>, %b: tensor<128xf32>) -> tensor<128xf32> {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %c128 = arith.constant 128 : index
  %init = tensor.empty() : tensor<128xf32>
  %r = scf.for %i = %c0 to %c128 step %c32 iter_args(%acc = %init) -> (tensor<128xf32>) {
    %ta = tensor.extract_slice %a[%i] [32] [1] : tensor<128xf32> to tensor<32xf32>
    %tb = tensor.extract_slice %b[%i] [32] [1] : tensor<128xf32> to tensor<32xf32>
    %to = tensor.extract_slice %acc[%i] [32] [1] : tensor<128xf32> to tensor<32xf32>
    %s = linalg.add ins(%ta, %tb : tensor<32xf32>, tensor<32xf32>) outs(%to : tensor<32xf32>) -> tensor<32xf32>
    %u = tensor.insert_slice %s into %acc[%i] [32] [1] : tensor<32xf32> into tensor<128xf32>
    scf.yield %u : tensor<128xf32>
  }
  return %r : tensor<128xf32>
}
