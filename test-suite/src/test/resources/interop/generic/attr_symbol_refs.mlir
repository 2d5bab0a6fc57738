"builtin.module"() ({
  "t.syms"() {a = @plain, b = @root::@child, c = @a::@b::@c::@d, d = @"with space", e = @quoted_but_simple, f = @a.b, g = @"1leading_digit", h = @"a-b", i = @_x$1, j = @"\C3\A9", k = @a::@"b c"::@d, l = @"x\22y", m = @"tab\09"} : () -> ()
  "t.sym_arrays"() {refs = [@f, @g::@h]} : () -> ()
}) : () -> ()

