"t.x"() {
  a = #t.simple,
  b = #t.params<1, "two", [3]>,
  c = #t<"opaque body">,
  d = #t.nested<a<b<c>>, (x), [y], {z}>,
  e = #t.arrow<a->b>,
  f = #t.str<"contains > ) ] } and \" quote">,
  g = #t.ws<   keep   this   spacing   >,
  h = #gpu.address_space<workgroup>,
  i = #t.enum<a | b | c>,
  j = #t<{key = value}>,
  k = #t.a.b,
  l = #t.dashed-name$x,
  m = #t.arrows<(i32) -> i32, ->, ->>,
  n = #t.typed<1> : i32,
  o = #t<"opaque typed"> : tensor<2xf32>,
  p = [#t.bare : index, #t.fn : (i32) -> ()]
} : () -> ()
"t.y"() <{p = #t.prop<x> : i8}> : () -> ()
