"t.x"() {
  a = dense<1.0> : tensor<4xf32>,
  b = dense<[1, 2, 3]> : tensor<3xi32>,
  c = dense<[[1, 2], [3, 4]]> : tensor<2x2xi64>,
  d = dense<[true, false]> : tensor<2xi1>,
  e = dense<[(1.0, 2.0), (-3.0, 4.5)]> : tensor<2xcomplex<f32>>,
  f = dense<(1, -2)> : tensor<complex<i32>>,
  g = dense<"0x0102030405060708"> : tensor<2xi32>,
  h = dense<> : tensor<0xf32>,
  i = dense<[]> : tensor<0xi32>,
  j = dense<-1> : vector<4xi8>,
  k = dense<[-1.5, 2.0e-3, 0x7FC00000]> : tensor<3xf32>,
  l = dense<["a", "b\n"]> : tensor<2x!t.str>,
  m = dense<0xFF> : tensor<i8>,
  n = dense<[[[1]], [[2]]]> : tensor<2x1x1xi8>,
  o = dense<true> : vector<[4]xi1>,
  p = dense<[1.0, 2.0]> : memref<2xf32>
} : () -> ()
