"t.first"() {z = affine_set<(d0) : (d0 >= 0)>, y = affine_map<(d0) -> (d0 + 1)>, x = affine_map<(d0) -> (d0)>} : () -> ()
"t.second"() {a = affine_map<(d0) -> (d0)>, b = affine_map<(d0, d1) -> (d0)>, c = affine_set<(d0) : (d0 - 1 >= 0)>} : () -> ()
"t.third"() {m = [affine_map<(d0) -> (d0 * 2)>, affine_map<(d0) -> (d0 * 3)>]} : (
) -> ()
%0 = "t.typed"() : () -> memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>
"t.region"() ({
  "t.inner"() {q = affine_map<(d0) -> (d0 * 4)>} : () -> ()
}) {p = affine_map<(d0) -> (d0 * 5)>} : () -> ()
