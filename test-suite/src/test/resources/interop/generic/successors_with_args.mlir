"builtin.module"() ({
  "t.func"() ({
  ^bb0(%arg0: i32, %arg1: i32):
    %0 = "t.cmp"(%arg0, %arg1) : (i32, i32) -> i1
    "t.cond_br"(%0, %arg0, %arg1)[^bb1, ^bb2] : (i1, i32, i32) -> ()
  ^bb1(%1: i32):  // pred: ^bb0
    "t.br"(%1)[^bb3] : (i32) -> ()
  ^bb2(%2: i32):  // pred: ^bb0
    %3 = "t.neg"(%2) : (i32) -> i32
    "t.br"(%3)[^bb3] : (i32) -> ()
  ^bb3(%4: i32):  // 2 preds: ^bb1, ^bb2
    "t.return"(%4) : (i32) -> ()
  }) : () -> ()
}) : () -> ()

