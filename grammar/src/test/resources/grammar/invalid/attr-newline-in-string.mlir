"t.x"() {a = "line
break"} : () -> ()
