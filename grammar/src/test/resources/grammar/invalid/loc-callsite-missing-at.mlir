"t.x"() : () -> () loc(callsite("a" "b"))
