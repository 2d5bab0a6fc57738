"t.func"() ({
^bb0(%a: i32 loc("arg.c":1:1), %b: i32 loc(unknown), %c: f32 loc(callsite("x.c":1:1 at "y.c":2:2)), %d: i8 loc("named_arg"("arg.c":4:4)), %e: i1):
  "t.use"(%a, %b) : (i32, i32) -> () loc("arg.c":1:1)
  "t.br"(%c)[^bb1] : (f32) -> () loc("body.c":2:2)
^bb1(%x: f32 loc("blk.c":3:3)):
  "t.ret"(%x) : (f32) -> () loc("body.c":3:3)
}) : () -> () loc("func.c":1:1)
