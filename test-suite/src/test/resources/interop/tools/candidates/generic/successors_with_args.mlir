"t.func"() ({
^bb0(%a: i32, %b: i32):
  %c = "t.cmp"(%a, %b) : (i32, i32) -> i1
  "t.cond_br"(%c, %a, %b)[^bb1, ^bb2] : (i1, i32, i32) -> ()
^bb1(%x: i32):
  "t.br"(%x)[^bb3] : (i32) -> ()
^bb2(%y: i32):
  %z = "t.neg"(%y) : (i32) -> i32
  "t.br"(%z)[^bb3] : (i32) -> ()
^bb3(%r: i32):
  "t.return"(%r) : (i32) -> ()
}) : () -> ()
