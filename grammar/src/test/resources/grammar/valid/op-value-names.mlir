%foo = "t.a"() : () -> i32
%foo.bar$baz-1 = "t.a"() : () -> i32
%_x = "t.a"() : () -> i32
%$dollar = "t.a"() : () -> i32
%-dash = "t.a"() : () -> i32
%.dot = "t.a"() : () -> i32
%arg0 = "t.a"() : () -> i32
%12 = "t.a"() : () -> i32
"t.use"(%foo, %foo.bar$baz-1, %_x, %$dollar, %-dash, %.dot, %arg0, %12) : (i32, i32, i32, i32, i32, i32, i32, i32) -> ()
