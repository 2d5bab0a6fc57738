"t.a"() <{flag}> {other} : () -> ()
"t.b"() <{flag = unit, x = 1 : i8}> : () -> ()
