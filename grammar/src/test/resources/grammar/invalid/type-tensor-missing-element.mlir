"t.x"() {a = tensor<4x>} : () -> ()
