"t.x"() {a = true, b = false, c = unit, d = "plain", e = "esc \" \\ \n \t \0A \ff", f = "typed" : i32, g = "", h = "unicode: h\C3\A9 and hé", i = "tabs	inside"} : () -> ()
