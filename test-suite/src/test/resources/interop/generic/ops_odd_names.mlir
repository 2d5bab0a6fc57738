"builtin.module"() ({
  "t.odd-name"() : () -> ()
  "t.o$"() : () -> ()
  "nodialect"() : () -> ()
  "t.a.b.c"() : () -> ()
  "t.quote\22d"() : () -> ()
  "t.UPPER_case9"() : () -> ()
  "t._under"() : () -> ()
}) : () -> ()

