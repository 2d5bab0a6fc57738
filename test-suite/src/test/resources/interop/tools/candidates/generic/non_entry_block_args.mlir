"t.func"() ({
^bb0(%a: i32):
  %0 = "t.c"() : () -> i32
  "t.br"(%a, %0)[^bb1] : (i32, i32) -> ()
^bb1(%p: i32, %q: i32):
  %1 = "t.add"(%p, %q) : (i32, i32) -> i32
  "t.br"(%1)[^bb2] : (i32) -> ()
^bb2(%r: i32):
  "t.return"(%r) : (i32) -> ()
}) : () -> ()
"t.func"() ({
^bb0(%a: i32, %b: f32, %c: index):
  "t.return"(%c) : (index) -> ()
}) : () -> ()
