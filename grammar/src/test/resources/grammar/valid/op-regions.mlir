"t.empty_regions"() ({
}, {
}) : () -> ()
"t.two"() ({
  "t.inner"() : () -> ()
}, {
^bb0(%x: f32):
  "t.yield"(%x) : (f32) -> ()
}) : () -> ()
