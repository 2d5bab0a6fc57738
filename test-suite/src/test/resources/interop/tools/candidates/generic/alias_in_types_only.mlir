"t.f"() ({
^bb0(%arg0: memref<4x8xf32, affine_map<(d0, d1) -> (d1 * 4 + d0)>>):
  %0 = "t.view"(%arg0) : (memref<4x8xf32, affine_map<(d0, d1) -> (d1 * 4 + d0)>>) -> memref<8x4xf32, affine_map<(d0, d1)[s0] -> (d0 * 4 + d1 + s0)>>
  "t.return"() : () -> ()
}) : () -> ()
