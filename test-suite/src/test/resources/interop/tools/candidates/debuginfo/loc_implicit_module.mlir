// This file does not start with a builtin.module: mlir-opt wraps it into an
// implicit module whose location is loc("<file name as given>":0:0).
"t.a"() : () -> ()
%0 = "t.b"() : () -> i32
"t.c"(%0) : (i32) -> () loc("explicit.c":1:1)
