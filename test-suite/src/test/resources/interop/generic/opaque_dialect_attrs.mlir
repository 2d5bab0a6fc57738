"builtin.module"() ({
  "t.o"() {a = #foo.bar, b = #foo<"bar">, c = #foo<"bar baz">, d = #foo.bar.baz, e = #foo.bar<1>, f = #foo<"a.b">, g = #foo<a b>, h = #foo<1>, i = #foo<_x>, j = #foo<x$y>, k = #foo<x-y>, l = #foo.bar<a  b>, m = #foo.bar< a >, n = #foo.bar<{x = [1, (2)], y = "s>"}>, o = #foo.bar<<>>, p = #foo.bar<()>, q = #foo.bar<"\"">, r = #foo<"bar<1>">, s = #foo<"x\n">, t = #foo.a.b, u = #foo.a.b<x>, v = #foo.a.b.c, w = #foo<"">, x = #foo<>, y = #foo.bar<[  ]>, z = #foo.bar<'x'>} : () -> ()
  "t.o2"() {a = #foo.bar<"\41">, b = #foo.bar<"é">, c = #foo<"é">, d = #foo.bar<a\tb>, e = #foo.bar<1 : i32>, f = #foo.bar<affine_map<(d0) -> (d0)>>, g = #foo.x_y, h = #foo.Bar9, i = #foo.B.a, j = #foo<a<b>c>, k = #foo.a<b>, l = #foo.bar<[{(<>)}]>} : () -> ()
}) : () -> ()

