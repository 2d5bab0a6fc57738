"builtin.module"() ({
  "t.func"() ({
    "t.br"()[^bb3] : () -> ()
  ^bb1:  // pred: ^bb3
    "t.br"()[^bb4] : () -> ()
  ^bb2:  // pred: ^bb3
    "t.br"()[^bb4] : () -> ()
  ^bb3:  // pred: ^bb0
    "t.br"()[^bb4, ^bb2, ^bb1] : () -> ()
  ^bb4:  // 3 preds: ^bb1, ^bb2, ^bb3
    "t.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

