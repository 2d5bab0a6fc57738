// linalg dialect: generic with indexing maps and iterator types, named ops
// (whose generic form carries regions and operandSegmentSizes properties).
#map_id = affine_map<(d0, d1) -> (d0, d1)>
#map_t = affine_map<(d0, d1) -> (d1, d0)>
#map_row = affine_map<(d0, d1) -> (d0)>
func.func @generic(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %init: tensor<4xf32>) -> (tensor<4x8xf32>, tensor<4xf32>) {
  %add = linalg.generic {indexing_maps = [#map_id, #map_t, #map_id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<4x8xf32>, tensor<8x4xf32>) outs(%a : tensor<4x8xf32>) attrs = {test.tag = "add"} {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %red = linalg.generic {indexing_maps = [#map_id, #map_row], iterator_types = ["parallel", "reduction"]}
      ins(%add : tensor<4x8xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %i = linalg.index 1 : index
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %add, %red : tensor<4x8xf32>, tensor<4xf32>
}

func.func @named(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %m: memref<4x16xf32>) -> tensor<4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %mm = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%f : tensor<4x16xf32>) -> tensor<4x16xf32>
  linalg.fill ins(%zero : f32) outs(%m : memref<4x16xf32>)
  %t = tensor.empty() : tensor<16x4xf32>
  %tr = linalg.transpose ins(%mm : tensor<4x16xf32>) outs(%t : tensor<16x4xf32>) permutation = [1, 0]
  %bc = tensor.empty() : tensor<2x4x16xf32>
  %b2 = linalg.broadcast ins(%mm : tensor<4x16xf32>) outs(%bc : tensor<2x4x16xf32>) dimensions = [0]
  return %mm : tensor<4x16xf32>
}
