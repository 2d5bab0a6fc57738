"t.x"() {a = i32, b = f32, c = index, d = none, e = (i32) -> (), f = tensor<4x?xf32>, g = memref<*xf32>, h = vector<[4]xi8>, i = complex<f32>, j = tuple<i1>, k = !t.type, l = !t<"x">} : () -> ()
