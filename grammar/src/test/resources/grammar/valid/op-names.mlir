"t.a"() : () -> ()
"dialect.op.with.dots"() : () -> ()
"builtin.module"() ({
^bb0:
}) : () -> ()
"no_dialect_op"() : () -> ()
"t.quote\"d"() : () -> ()
