"t.x"() {a = true : i1} : () -> ()
