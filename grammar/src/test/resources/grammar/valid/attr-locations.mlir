"t.x"() {a = loc(unknown), b = loc("f.mlir":1:2), c = loc("name"), d = loc(callsite("a" at "b":1:2)), e = loc(fused["a", "b":1:2]), f = loc("f":1:2 to 3:4)} : () -> ()
