"builtin.module"() ({
  "t.unit"() {u, v, w} : () -> ()
  "t.types"() {a = i32, b = f32, c = index, d = none, e = tensor<?x4xf32>, f = (i32) -> (i32, i32), g = !foo.bar, h = !foo<"x y">, i = memref<2xf32, 1>, j = complex<f64>, k = tuple<i1, tuple<>>, l = vector<[4]xi8>} : () -> ()
}) : () -> ()

