"t.func"() ({
^bb0(%a: i32, %b: i1):
  "t.cond_br"(%b, %a)[^bb1, ^bb2] : (i1, i32) -> ()
^bb1:
  "t.br"()[^exit] : () -> ()
^bb2:
  "t.br"()[^exit] : () -> ()
^exit:
  "t.return"() : () -> ()
}) : () -> ()
