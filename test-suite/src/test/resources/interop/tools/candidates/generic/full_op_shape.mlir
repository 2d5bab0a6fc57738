"t.func"() ({
^bb0(%arg: i32):
  %0:2 = "t.big"(%arg, %arg)[^bb1, ^bb2] <{prop = 1 : i32}> ({
    "t.inner"() : () -> ()
  }, {
  ^bb0(%x: f32):
    "t.inner2"(%x) : (f32) -> ()
  }) {attr = "a", battr = true} : (i32, i32) -> (i1, i1)
^bb1:
  "t.return"(%0#0) : (i1) -> ()
^bb2:
  "t.return"(%0#1) : (i1) -> ()
}) : () -> ()
