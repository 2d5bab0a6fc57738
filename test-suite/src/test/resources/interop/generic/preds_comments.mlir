"builtin.module"() ({
  "t.func"() ({
    "t.switch"()[^bb1, ^bb1, ^bb2, ^bb3] : () -> ()
  ^bb1:  // 2 preds: ^bb0, ^bb0
    "t.br"()[^bb4] : () -> ()
  ^bb2:  // pred: ^bb0
    "t.br"()[^bb4] : () -> ()
  ^bb3:  // pred: ^bb0
    "t.br"()[^bb4] : () -> ()
  ^bb4:  // 4 preds: ^bb1, ^bb2, ^bb3, ^bb4
    "t.br"()[^bb4, ^bb5] : () -> ()
  ^bb5:  // 2 preds: ^bb4, ^bb6
    "t.return"() : () -> ()
  ^bb6:  // no predecessors
    "t.br"()[^bb5] : () -> ()
  ^bb7:  // no predecessors
    "t.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

