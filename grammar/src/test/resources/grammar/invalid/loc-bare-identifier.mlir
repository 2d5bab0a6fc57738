"t.x"() : () -> () loc(foo)
