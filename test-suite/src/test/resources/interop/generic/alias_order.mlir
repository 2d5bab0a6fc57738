#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> (d0 + 1)>
#map2 = affine_map<(d0, d1) -> (d0)>
#map3 = affine_map<(d0) -> (d0 * 2)>
#map4 = affine_map<(d0) -> (d0 * 3)>
#map5 = affine_map<(d0, d1) -> (d1, d0)>
#map6 = affine_map<(d0) -> (d0 * 4)>
#map7 = affine_map<(d0) -> (d0 * 5)>
#set = affine_set<(d0) : (d0 >= 0)>
#set1 = affine_set<(d0) : (d0 - 1 >= 0)>
"builtin.module"() ({
  "t.first"() {x = #map, y = #map1, z = #set} : () -> ()
  "t.second"() {a = #map, b = #map2, c = #set1} : () -> ()
  "t.third"() {m = [#map3, #map4]} : () -> ()
  %0 = "t.typed"() : () -> memref<4x4xf32, #map5>
  "t.region"() ({
    "t.inner"() {q = #map6} : () -> ()
  }) {p = #map7} : () -> ()
}) : () -> ()

