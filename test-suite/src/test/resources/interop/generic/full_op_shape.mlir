"builtin.module"() ({
  "t.func"() ({
  ^bb0(%arg0: i32):
    %0:2 = "t.big"(%arg0, %arg0)[^bb1, ^bb2] <{prop = 1 : i32}> ({
      "t.inner"() : () -> ()
    }, {
    ^bb0(%arg1: f32):
      "t.inner2"(%arg1) : (f32) -> ()
    }) {attr = "a", battr = true} : (i32, i32) -> (i1, i1)
  ^bb1:  // pred: ^bb0
    "t.return"(%0#0) : (i1) -> ()
  ^bb2:  // pred: ^bb0
    "t.return"(%0#1) : (i1) -> ()
  }) : () -> ()
}) : () -> ()

