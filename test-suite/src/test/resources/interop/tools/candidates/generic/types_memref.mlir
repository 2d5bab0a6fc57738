%0:10 = "t.memrefs"() : () -> (memref<4xf32>, memref<?x4xf32, 1>, memref<4xf32, "gpu">, memref<f32>, memref<4xf32, 0>, memref<4x4xf32, affine_map<(d0, d1) -> (d0, d1)>>, memref<4xf32, affine_map<(d0) -> (d0)>, 2>, memref<4xvector<4xf32>>, memref<2x?xf32, strided<[?, ?], offset: ?>>, memref<4xf32, 3 : i64>)
%1:4 = "t.unranked"() : () -> (memref<*xf32>, memref<*xf32, 3>, memref<*xi8, "shared">, memref<*xcomplex<f32>>)
%2 = "t.layout"() : () -> memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>
%3 = "t.memspace"() : () -> memref<8xi8, {a = 1}>
