"builtin.module"() ({
  "t.func"() ({
  ^bb0(%arg0: i32):
    "t.br"(%arg0)[^bb2] : (i32) -> ()
  ^bb1:  // pred: ^bb1
    "t.br"()[^bb1] : () -> ()
  ^bb2(%0: i32):  // pred: ^bb0
    "t.return"(%0) : (i32) -> ()
  }) : () -> ()
}) : () -> ()

