"builtin.module"() ({
  "t.type_attrs"() {a = i32, b = index, c = none, d = tensor<*xf32>, e = memref<?xi8, 1>, f = vector<[8]xf16>, g = complex<f32>, h = tuple<>, i = () -> (), j = !foo.x<1>, k = [i1, si1, ui1], l = {n = f64}} : () -> ()
}) : () -> ()

