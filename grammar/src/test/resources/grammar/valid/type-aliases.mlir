!ty = i32
!vec = vector<4xf32>
!fn = (i32) -> !ty
!0 = tensor<?xf32>
!t$-_x = !t.custom<x>
%0 = "t.a"() : () -> !ty
%1 = "t.b"(%0) : (!ty) -> !vec
"t.c"() {f = !fn, z = !0, w = !t$-_x} : () -> ()
