// Large and resource-backed elements attributes: dense_resource blobs in the
// file metadata dictionary, splats, hex-printed dense data.
func.func @resources() -> (tensor<3xi64>, tensor<16xf32>, tensor<2x3xi8>) {
  %0 = arith.constant dense_resource<blob1> : tensor<3xi64>
  %1 = arith.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]> : tensor<16xf32>
  %2 = arith.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>
  %3 = arith.constant dense<(1.5, -2.5)> : tensor<4xcomplex<f32>>
  %4 = arith.constant sparse<[[0, 1], [1, 2]], [7, 9]> : tensor<2x3xi32>
  return %0, %1, %2 : tensor<3xi64>, tensor<16xf32>, tensor<2x3xi8>
}
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x08000000010000000000000002000000000000000300000000000000"
    }
  }
#-}
