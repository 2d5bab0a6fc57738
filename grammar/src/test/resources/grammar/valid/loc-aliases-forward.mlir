"t.a"() : () -> () loc(#loc1)
"t.b"() ({
^bb0(%a: i32 loc(#loc2)):
  "t.c"() : () -> () loc(#loc3)
}) : () -> () loc(#loc)
#loc = loc("f.mlir":0:0)
#loc1 = loc("f.mlir":1:1)
#loc2 = loc("f.mlir":2:5)
#loc3 = loc(callsite(#loc1 at #loc2))
#loc4 = loc(fused<"m">[#loc1, #loc3])
#loc5 = loc("named"(#loc4))
