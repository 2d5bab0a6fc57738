"builtin.module"() <{sym_name = "m"}> ({
  "t.v"() : () -> ()
  "builtin.module"() ({
  ^bb0:
  }) : () -> ()
}) {t.a = 1 : i64} : () -> ()

