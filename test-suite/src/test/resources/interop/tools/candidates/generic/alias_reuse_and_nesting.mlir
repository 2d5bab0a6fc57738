"t.a"() {m = affine_map<(d0) -> (d0)>} : () -> ()
"t.b"() {m = affine_map<(d0) -> (d0)>, n = affine_map<(d0) -> (d0)>} : () -> ()
"t.c"() {d = distinct[0]<affine_map<(d0) -> (d0 + 1)>>, e = [distinct[1]<affine_set<(d0) : (d0 >= 0)>>]} : () -> ()
"t.d"() {t = tensor<4xf32, affine_map<(d0) -> (d0 + 2)>>, f = (memref<2xf32, affine_map<(d0) -> (d0 + 3)>>) -> ()} : () -> ()
