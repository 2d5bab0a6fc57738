"t.a"() : () -> ()
  "t.indented"() : () -> ()
%0:2 = "t.results"() : () -> (i32, i32)
"t.region"() ({
^bb0(%x: i32):
  "t.inner"(%x) : (i32) -> ()
}) : () -> ()
