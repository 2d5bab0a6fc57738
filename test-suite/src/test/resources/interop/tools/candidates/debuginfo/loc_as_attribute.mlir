"t.a"() {where = loc("attr.c":1:1), list = [loc("attr.c":2:2), loc(unknown)]} : () -> () loc("op.c":1:1)
"t.b"() : () -> () loc("attr.c":1:1)
"t.c"() : () -> () loc("attr.c":3:3)
