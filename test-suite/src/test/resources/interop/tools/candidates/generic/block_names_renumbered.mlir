"t.func"() ({
^entry(%x: i32):
  "t.br"(%x)[^exit] : (i32) -> ()
^middle:
  "t.br"()[^middle] : () -> ()
^exit(%v: i32):
  "t.return"(%v) : (i32) -> ()
}) : () -> ()
