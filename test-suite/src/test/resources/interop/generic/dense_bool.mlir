"builtin.module"() ({
  "t.bool"() {a = dense<true> : tensor<i1>, b = dense<false> : tensor<4xi1>, c = dense<[true, false, true]> : tensor<3xi1>, d = dense<[[true, false], [false, true]]> : tensor<2x2xi1>, e = dense<[true, false]> : tensor<2xi1>, f = dense<true> : vector<2xi1>, g = dense<[true, false]> : vector<[2]xi1>} : () -> ()
}) : () -> ()

