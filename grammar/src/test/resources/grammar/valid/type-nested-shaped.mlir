%0 = "t.a"() : () -> tensor<2xvector<[4]xf32>>
%1 = "t.a"() : () -> memref<?xmemref<*xf32>>
%2 = "t.a"() : () -> tuple<memref<2x?xf32, strided<[?, 1], offset: ?>, 1>, tensor<*xi1>>
%3 = "t.a"() : () -> tuple<tensor<2x2xf32, #t.enc>, vector<2xf32>>
