"t.x"() {a = tensor<4xfoo>} : () -> ()
