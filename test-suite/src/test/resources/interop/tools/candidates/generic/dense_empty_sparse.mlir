"t.empty"() {a = dense<> : tensor<0xi32>, b = dense<[]> : tensor<0xf32>, c = dense<[[]]> : tensor<1x0xf32>, d = dense<> : tensor<0x3xi8>, e = dense<1> : tensor<0xi64>} : () -> ()
"t.sparse"() {a = sparse<[[0, 0], [1, 2]], [1, 5]> : tensor<3x4xi32>, b = sparse<> : tensor<3xi32>, c = sparse<[[0], [2]], [1.5, -2.0]> : tensor<4xf32>, d = sparse<0, 7> : tensor<4xi8>, e = sparse<[[1, 1]], [true]> : tensor<2x2xi1>} : () -> ()
"t.resource"() {a = dense_resource<blob1> : tensor<2xi8>, b = dense_resource<__elided__> : tensor<4xf32>} : () -> ()
