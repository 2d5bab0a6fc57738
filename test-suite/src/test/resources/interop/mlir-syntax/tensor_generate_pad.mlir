func.func @gen_pad(%n: index, %t: tensor<4x4xf32>) -> (tensor<?xindex>, tensor<6x6xf32>) {
  %g = tensor.generate %n {
  ^bb0(%i: index):
    %sq = arith.muli %i, %i : index
    tensor.yield %sq : index
  } : tensor<?xindex>
  %z = arith.constant 0.0 : f32
  %p = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %z : f32
  } : tensor<4x4xf32> to tensor<6x6xf32>
  return %g, %p : tensor<?xindex>, tensor<6x6xf32>
}
