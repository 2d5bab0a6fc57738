"t.x"() {a = strided<[1], 0>} : () -> ()
