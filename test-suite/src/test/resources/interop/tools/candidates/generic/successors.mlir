"t.func"() ({
  %0 = "t.cond"() : () -> i1
  "t.cond_br"(%0)[^bb1, ^bb2] : (i1) -> ()
^bb1:
  "t.br"()[^bb3] : () -> ()
^bb2:
  "t.br"()[^bb3] : () -> ()
^bb3:
  "t.return"() : () -> ()
}) : () -> ()
