// tensor dialect: creation, element access, slices, reshapes, padding,
// generate, casts, concat; encodings on tensor types.
#sparse = #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 : compressed), posWidth = 32, crdWidth = 32 }>
func.func @ops(%t: tensor<?x?xf32>, %s: tensor<4x4xf32>, %i: index, %f: f32) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %d0 = tensor.dim %t, %c0 : tensor<?x?xf32>
  %e = tensor.empty(%d0) : tensor<?x8xf32>
  %x = tensor.extract %s[%c0, %c1] : tensor<4x4xf32>
  %ins = tensor.insert %f into %s[%i, %c0] : tensor<4x4xf32>
  %sl = tensor.extract_slice %t[0, %i] [2, %d0] [1, 2] : tensor<?x?xf32> to tensor<2x?xf32>
  %back = tensor.insert_slice %sl into %t[%c0, 1] [2, %d0] [1, 1] : tensor<2x?xf32> into tensor<?x?xf32>
  %exp = tensor.expand_shape %s [[0, 1], [2]] output_shape [2, 2, 4] : tensor<4x4xf32> into tensor<2x2x4xf32>
  %col = tensor.collapse_shape %exp [[0, 1, 2]] : tensor<2x2x4xf32> into tensor<16xf32>
  %pad = tensor.pad %s low[1, 2] high[%i, 0] {
  ^bb0(%a: index, %b: index):
    tensor.yield %f : f32
  } : tensor<4x4xf32> to tensor<?x6xf32>
  %gen = tensor.generate %d0 {
  ^bb0(%a: index, %b: index):
    %v = arith.index_cast %a : index to i32
    %fv = arith.sitofp %v : i32 to f32
    tensor.yield %fv : f32
  } : tensor<?x3xf32>
  %cast = tensor.cast %s : tensor<4x4xf32> to tensor<?x?xf32>
  %from = tensor.from_elements %f, %x, %f, %x : tensor<2x2xf32>
  %spl = tensor.splat %f : tensor<8xf32>
  %cat = tensor.concat dim(0) %cast, %t : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  %rank = tensor.rank %t : tensor<?x?xf32>
  %unr = tensor.cast %t : tensor<?x?xf32> to tensor<*xf32>
  %bc = tensor.bitcast %s : tensor<4x4xf32> to tensor<4x4xi32>
  return %cat : tensor<?x?xf32>
}

func.func @encoded(%a: tensor<8x8xf64, #sparse>) -> tensor<8x8xf64, #sparse> {
  return %a : tensor<8x8xf64, #sparse>
}
