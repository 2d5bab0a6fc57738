"t.func"() ({
  "t.switch"()[^bb1, ^bb1, ^bb2, ^bb3] : () -> ()
^bb1:
  "t.br"()[^bb4] : () -> ()
^bb2:
  "t.br"()[^bb4] : () -> ()
^bb3:
  "t.br"()[^bb4] : () -> ()
^bb4:
  "t.br"()[^bb4, ^bb5] : () -> ()
^bb5:
  "t.return"() : () -> ()
^bb6:
  "t.br"()[^bb5] : () -> ()
^bb7:
  "t.return"() : () -> ()
}) : () -> ()
