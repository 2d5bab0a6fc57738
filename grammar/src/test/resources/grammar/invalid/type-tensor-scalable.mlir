"t.x"() {a = tensor<[4]xf32>} : () -> ()
