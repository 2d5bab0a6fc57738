"t.a"() {m = affine_map<(d0) -> (d0)>, s = affine_set<(d0) : (d0 >= 0)>} : () -> () loc("m.c":1:1)
%0 = "t.b"() {d = distinct[0]<1 : i32>} : () -> memref<4xf32, affine_map<(d0) -> (d0 + 1)>> loc("m.c":2:2)
"t.c"() ({
^bb0(%arg0: i32 loc("m.c":3:3)):
  "t.d"() : () -> () loc("m.c":4:4)
}) : () -> () loc("m.c":5:5)
