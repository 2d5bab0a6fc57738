#7 = loc("n.mlir":7:7)
"t.a"() : () -> () loc(#7)
