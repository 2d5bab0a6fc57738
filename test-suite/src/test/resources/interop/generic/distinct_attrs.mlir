#distinct = distinct[0]<42 : i32>
#distinct1 = distinct[1]<42 : i32>
#distinct2 = distinct[2]<"s">
#distinct3 = distinct[3]<[1, 2]>
#distinct4 = distinct[4]<{k = 1 : i64}>
#distinct5 = distinct[5]<i32>
"builtin.module"() ({
  "t.d"() {a = #distinct, b = #distinct1, c = #distinct, d = distinct[6]<>, e = #distinct2, f = #distinct3, g = #distinct4} : () -> ()
  "t.e"() {again = #distinct3, inner = [#distinct5]} : () -> ()
}) : () -> ()

