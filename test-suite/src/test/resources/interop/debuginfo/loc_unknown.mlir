"t.a"() : () -> () loc(unknown)
%0 = "t.b"() : () -> i32 loc(unknown)
"t.c"(%0) : (i32) -> () loc(unknown)
