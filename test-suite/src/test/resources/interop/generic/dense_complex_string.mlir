"builtin.module"() ({
  "t.complex"() {a = dense<[(1,2), (3,4)]> : tensor<2xcomplex<i32>>, b = dense<[(1.000000e+00,2.000000e+00), (3.000000e+00,4.000000e+00)]> : tensor<2xcomplex<f32>>, c = dense<(5.000000e-01,-5.000000e-01)> : tensor<2x2xcomplex<f64>>, d = dense<[[(1,0)], [(0,1)]]> : tensor<2x1xcomplex<i8>>} : () -> ()
  "t.string"() {a = dense<["a", "bc"]> : tensor<2x!t.str>, b = dense<"same"> : tensor<3x!t.str>, c = dense<[["x\22y", "\00"], ["\C3\A9", ""]]> : tensor<2x2x!t.str>, d = dense<"scalar"> : tensor<!t.str>} : () -> ()
}) : () -> ()

