#map = affine_map<(d0) -> (d0 * 10)>
#map1 = affine_map<(d0) -> (d0 * 11)>
#map2 = affine_map<(d0) -> (d0 * 12)>
#map3 = affine_map<(d0) -> (d0 * 13)>
#map4 = affine_map<(d0) -> (d0 * 14)>
#map5 = affine_map<(d0) -> (d0 * 15)>
#map6 = affine_map<(d0) -> (d0 * 16)>
#map7 = affine_map<(d0) -> (d0 * 17)>
#map8 = affine_map<(d0) -> (d0 * 18)>
#map9 = affine_map<(d0) -> (d0 * 19)>
#map10 = affine_map<(d0) -> (d0 * 20)>
#map11 = affine_map<(d0) -> (d0 * 21)>
"builtin.module"() ({
  "t.o"() {a = #t.x, m0 = #map, m1 = #map1, m2 = #map2, m3 = #map3, m4 = #map4, m5 = #map5, m6 = #map6, m7 = #map7, m8 = #map8, m9 = #map9, ma = #map10, mb = #map11} : () -> ()
}) : () -> ()

