"t.f"() ({
^bb0(%a: i32, %b: i64):
  %0 = "t.v"() : () -> i1
  "t.cond_br"(%0, %a, %b, %b)[^bb1, ^bb2] {operand_groups = array<i32: 1, 1, 2>} : (i1, i32, i64, i64) -> ()
^bb1(%x: i32):
  "t.br"()[^bb3] : () -> ()
^bb2(%y: i64, %z: i64):
  "t.br"()[^bb3] : () -> ()
^bb3:
  "t.switch"(%a)[^bb4, ^bb5, ^bb4] : (i32) -> ()
^bb4:
  "t.return"() : () -> ()
^bb5:
  "t.return"() : () -> ()
}) : () -> ()
