#map = affine_map<(d0, d1) -> (0, d1)>
#map1 = affine_map<() -> (0)>
#map2 = affine_map<() -> ()>
#map3 = affine_map<(d0, d1)[s0, s1] -> (d0 * 2 + d1 * s0 - 3, d1 floordiv 4, d0 mod 8, (d0 + d1) ceildiv s1, -d0)>
#map4 = affine_map<(d0) -> (d0)>
#map5 = affine_map<(d0) -> (-d0 + 5)>
#map6 = affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>
#map7 = affine_map<(d0) -> ((d0 floordiv 2) mod 3)>
#map8 = affine_map<()[s0] -> (s0)>
#map9 = affine_map<(d0, d1) -> (d1, d0)>
#map10 = affine_map<(d0, d1) -> (d0 - d1)>
#map11 = affine_map<(d0)[s0] -> (d0 + s0)>
#map12 = affine_map<(d0) -> ()>
"builtin.module"() ({
  "t.maps"() {bcast = #map, const = #map1, empty = #map2, expr = #map3, id = #map4, mul = #map5, named = #map6, nested = #map7, nodims = #map8, perm = #map9, sub = #map10, sym = #map11, zero_res = #map12} : () -> ()
}) : () -> ()

