#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> (d0 + 1)>
#map2 = affine_map<(d0) -> (d0 + 3)>
#map3 = affine_map<(d0) -> (d0 + 2)>
#set = affine_set<(d0) : (d0 >= 0)>
#distinct = distinct[0]<#map1>
#distinct1 = distinct[1]<#set>
"builtin.module"() ({
  "t.a"() {m = #map} : () -> ()
  "t.b"() {m = #map, n = #map} : () -> ()
  "t.c"() {d = #distinct, e = [#distinct1]} : () -> ()
  "t.d"() {f = (memref<2xf32, #map2>) -> (), t = tensor<4xf32, #map3>} : () -> ()
}) : () -> ()

