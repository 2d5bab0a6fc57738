"t.bools"() {a = true, b = false, c = 1 : i1, d = 0 : i1, e = -1 : i1} : () -> ()
"t.index"() {a = 0 : index, b = -1 : index, c = 9223372036854775807 : index, d = -9223372036854775808 : index, e = 42 : index} : () -> ()
"t.in_array"() {a = [true, false, 1 : i1, 0 : index, 7, -7, 7 : i32, 7 : si64, 7 : ui64]} : () -> ()
