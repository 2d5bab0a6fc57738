// sparse_tensor encodings (dialect attribute bodies with nested maps) and
// ops on encoded tensors.
#CSR = #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 : compressed) }>
#BSR = #sparse_tensor.encoding<{ map = (i, j) -> (i floordiv 2 : dense, j floordiv 2 : compressed, i mod 2 : dense, j mod 2 : dense) }>
#COO = #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : compressed(nonunique), d1 : singleton(soa)), posWidth = 64, crdWidth = 64 }>
func.func @sparse(%a: tensor<8x8xf64, #CSR>, %b: tensor<8x8xf64, #BSR>, %c: tensor<?x?xf32, #COO>) -> index {
  %n = sparse_tensor.number_of_entries %a : tensor<8x8xf64, #CSR>
  %d = sparse_tensor.convert %a : tensor<8x8xf64, #CSR> to tensor<8x8xf64>
  %pos = sparse_tensor.positions %a { level = 1 : index } : tensor<8x8xf64, #CSR> to memref<?xindex>
  return %n : index
}
