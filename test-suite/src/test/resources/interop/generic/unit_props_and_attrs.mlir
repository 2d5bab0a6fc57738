"builtin.module"() ({
  "t.a"() <{flag}> {other} : () -> ()
  "t.b"() <{flag, x = 1 : i8}> : () -> ()
}) : () -> ()

