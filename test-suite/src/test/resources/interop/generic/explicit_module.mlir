"builtin.module"() ({
  %0 = "t.v"() : () -> i32
  "builtin.module"() <{sym_name = "inner"}> ({
    %1 = "t.v"() : () -> i32
  }) {t.attr = 1 : i64} : () -> ()
  "builtin.module"() ({
  ^bb0:
  }) : () -> ()
}) {t.top = "x"} : () -> ()

