"builtin.module"() ({
  "t.splat"() {a = dense<1> : tensor<4xi32>, b = dense<1> : tensor<4xi32>, c = dense<2> : tensor<2x2xi8>, d = dense<5> : tensor<i32>, e = dense<1.500000e+00> : tensor<2x3xf64>, f = dense<0.000000e+00> : tensor<2xf32>, g = dense<true> : tensor<3xi1>, h = dense<false> : tensor<2xi1>, i = dense<-1> : vector<4xi64>, j = dense<7> : tensor<2x0xi32>, k = dense<1> : tensor<4xi32>, l = dense<1> : tensor<2xi32>, m = dense<(1,2)> : tensor<2xcomplex<i32>>, n = dense<"s"> : tensor<3x!t.str>, o = dense<0x7FC00000> : tensor<2xf32>, p = dense<-1> : tensor<2xi8>, q = dense<1> : memref<2x2xi16>} : () -> ()
}) : () -> ()

