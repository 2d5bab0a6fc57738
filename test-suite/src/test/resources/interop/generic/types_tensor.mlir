"builtin.module"() ({
  %0:8 = "t.tensors"() : () -> (tensor<4xf32>, tensor<?x4xf32>, tensor<*xf32>, tensor<f32>, tensor<0xf32>, tensor<1x2x3x4x5xi8>, tensor<?x?x?xindex>, tensor<4xcomplex<f64>>)
  %1:6 = "t.encoded"() : () -> (tensor<4xf32, "enc">, tensor<4xf32, #foo.enc>, tensor<?x?xi8, {a = 1 : i64}>, tensor<?xf32, #foo<"q">>, tensor<2xf32, [1, 2]>, tensor<3xi1, 5 : i32>)
  %2:2 = "t.elements"() : () -> (tensor<4x!foo.t>, tensor<2xvector<4xf32>>)
}) : () -> ()

