"t.x"() {a = tensor<*xf32, "enc">} : () -> ()
