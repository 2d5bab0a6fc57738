"t.x"() {a = vector<?xf32>} : () -> ()
