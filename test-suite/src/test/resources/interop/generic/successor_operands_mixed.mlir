"builtin.module"() ({
  "t.f"() ({
  ^bb0(%arg0: i32, %arg1: i64):
    %0 = "t.v"() : () -> i1
    "t.cond_br"(%0, %arg0, %arg1, %arg1)[^bb1, ^bb2] {operand_groups = array<i32: 1, 1, 2>} : (i1, i32, i64, i64) -> ()
  ^bb1(%1: i32):  // pred: ^bb0
    "t.br"()[^bb3] : () -> ()
  ^bb2(%2: i64, %3: i64):  // pred: ^bb0
    "t.br"()[^bb3] : () -> ()
  ^bb3:  // 2 preds: ^bb1, ^bb2
    "t.switch"(%arg0)[^bb4, ^bb5, ^bb4] : (i32) -> ()
  ^bb4:  // 2 preds: ^bb3, ^bb3
    "t.return"() : () -> ()
  ^bb5:  // pred: ^bb3
    "t.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

