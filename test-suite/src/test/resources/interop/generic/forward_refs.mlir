"builtin.module"() ({
  "t.region"() ({
    "t.br"()[^bb2] : () -> ()
  ^bb1:  // pred: ^bb2
    "t.use"(%0) : (i32) -> ()
    "t.return"() : () -> ()
  ^bb2:  // pred: ^bb0
    %0 = "t.def"() : () -> i32
    "t.br"()[^bb1] : () -> ()
  }) : () -> ()
}) : () -> ()

