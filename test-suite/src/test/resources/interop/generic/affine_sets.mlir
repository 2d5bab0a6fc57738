#set = affine_set<(d0) : (d0 >= 0)>
#set1 = affine_set<(d0, d1)[s0] : (d0 - s0 == 0, d1 >= 0, -d1 + 10 >= 0)>
#set2 = affine_set<()[s0] : (s0 >= 0)>
#set3 = affine_set<(d0) : (d0 mod 2 == 0)>
#set4 = affine_set<(d0)[s0] : (d0 - 1 >= 0, -d0 + s0 - 1 >= 0)>
#set5 = affine_set<(d0) : (1 == 0)>
"builtin.module"() ({
  "t.sets"() {a = #set, b = #set1, c = #set2, d = #set3, e = #set4, f = #set5} : () -> ()
}) : () -> ()

