"builtin.module"() ({
  "t.func"() ({
  ^bb0(%arg3: i32):
    %0 = "t.c"() : () -> i32
    "t.br"(%arg3, %0)[^bb1] : (i32, i32) -> ()
  ^bb1(%1: i32, %2: i32):  // pred: ^bb0
    %3 = "t.add"(%1, %2) : (i32, i32) -> i32
    "t.br"(%3)[^bb2] : (i32) -> ()
  ^bb2(%4: i32):  // pred: ^bb1
    "t.return"(%4) : (i32) -> ()
  }) : () -> ()
  "t.func"() ({
  ^bb0(%arg0: i32, %arg1: f32, %arg2: index):
    "t.return"(%arg2) : (index) -> ()
  }) : () -> ()
}) : () -> ()

