"t.x"() {a = distinct<1>} : () -> ()
