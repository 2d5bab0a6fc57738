"builtin.module"() ({
  "t.full"() {a = dense<[1, 2, 3, 4]> : tensor<4xi32>, b = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>, c = dense<[[[1]], [[2]]]> : tensor<2x1x1xi32>, d = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi16>, e = dense<[-128, 127]> : tensor<2xi8>, f = dense<[255, 0]> : tensor<2xui8>, g = dense<[1, -1]> : tensor<2xsi8>, h = dense<[0, 1]> : tensor<2xindex>, i = dense<[1, 2, 3]> : tensor<3xi4>, j = dense<[1, 170141183460469231731687303715884105727]> : tensor<2xi128>, k = dense<[[1], [2]]> : vector<2x1xi8>, l = dense<[1, 2]> : memref<2xi64>, m = dense<[1, 2]> : tensor<2xi32>, n = dense<[-21026, -4162]> : tensor<2xi16>, o = dense<[[1, 2]]> : tensor<1x2xi64>} : () -> ()
}) : () -> ()

