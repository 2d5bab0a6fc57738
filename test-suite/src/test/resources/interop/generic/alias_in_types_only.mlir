#map = affine_map<(d0, d1) -> (d1 * 4 + d0)>
#map1 = affine_map<(d0, d1)[s0] -> (d0 * 4 + d1 + s0)>
"builtin.module"() ({
  "t.f"() ({
  ^bb0(%arg0: memref<4x8xf32, #map>):
    %0 = "t.view"(%arg0) : (memref<4x8xf32, #map>) -> memref<8x4xf32, #map1>
    "t.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

