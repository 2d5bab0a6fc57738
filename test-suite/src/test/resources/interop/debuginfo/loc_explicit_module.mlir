"builtin.module"() ({
  "t.a"() : () -> () loc("in.c":1:1)
  "builtin.module"() ({
    "t.b"() : () -> ()
  }) : () -> () loc("nested_module")
}) : () -> () loc("top.c":100:1)
