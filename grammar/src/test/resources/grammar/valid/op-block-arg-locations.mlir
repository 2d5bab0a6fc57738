"t.op"() ({
^bb0(%a: i32 loc("args.mlir":1:2), %b: f32 loc(unknown), %c: index):
  "t.use"(%a, %b, %c) : (i32, f32, index) -> () loc("use")
}) : () -> () loc(#loc)
#loc = loc("args.mlir":1:1)
