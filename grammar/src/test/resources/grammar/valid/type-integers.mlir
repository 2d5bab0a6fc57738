"t.x"() {a = i1, b = i8, c = i32, d = i64, e = i128, f = si8, g = ui16, h = si1, i = ui64, j = i0, k = i4096} : () -> ()
