"builtin.module"() ({
  "t.strings"() {backslash = "a\\b", empty = "", hexesc = "\00\01\1F\7F\80\FF", newline = "line1\0Aline2", plain = "hello world", printable_hex = "AB~", punct = "!#$%&'()*+,-./:;<=>?@[]^_`{|}~", quote = "say \22hi\22", space = " ", tab = "col1\09col2", typed = "x" : i32, typed_tensor = "t" : tensor<2xi8>, utf8 = "h\C3\A9llo", utf8_raw = "h\C3\A9llo \E2\9C\93 \E6\97\A5\E6\9C\AC"} : () -> ()
  "t.escaped\22name"() {"key with space" = "v"} : () -> ()
}) : () -> ()

