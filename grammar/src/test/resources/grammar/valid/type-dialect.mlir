"t.x"() {
  a = !t.simple,
  b = !t.params<4, f32>,
  c = !t<"opaque body">,
  d = !t.nested<a<b<c>>, (x), [y], {z}>,
  e = !t.arrow<(i32) -> i32>,
  f = !t.str<"a string with > and < and \" inside">,
  g = !t.ws<   spaced    out   >,
  h = !t.a.b.c,
  i = !t.punct<a | b, * ? ... = : ::>
} : () -> ()
