"t.d"() {a = distinct[5]<42 : i32>, b = distinct[0]<42 : i32>, c = distinct[5]<42 : i32>, d = distinct[9]<unit>, e = distinct[3]<"s">, f = distinct[2]<[1, 2]>, g = distinct[7]<{k = 1}>} : () -> ()
"t.e"() {again = distinct[2]<[1, 2]>, inner = [distinct[8]<i32>]} : () -> ()
