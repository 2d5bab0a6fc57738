"t.x"() {
  a = affine_map<(d0, d1)[s0] -> (d0 + s0 * 2, d1 floordiv 4, d0 mod 3, d0 ceildiv 2, -d1, 7)>,
  b = affine_map<() -> ()>,
  c = affine_map<() -> (0)>,
  d = affine_map<(d0) -> (d0)>,
  e = affine_map<(d0, d1) -> (d0 * 4 + d1 - 3, (d0 + d1) * 2, -(d0 - d1))>,
  f = affine_map<(d0)[s0, s1] -> (d0 * s0 + s1, d0 floordiv s0, d0 mod s1)>,
  g = affine_map<(i, j) -> (j, i)>,
  h = affine_map<(d0) -> (-d0 * 2, d0 * -2, 2 * -d0, -2, - 3)>,
  i = affine_map<(d0, d1) -> (d0 - d1 - 1, d0 + -1, d0 - -1)>,
  j = affine_map<(d0)[] -> (d0)>,
  k = affine_map<(mod, floordiv)[ceildiv] -> (mod mod 2, floordiv floordiv ceildiv, -mod)>,
  l = affine_map<(dense, loc, to, i32, f32, x) -> (dense + loc + to + i32 + f32 + x)>,
  m = affine_map<(d0, d1) -> (((d0)), (d1 * 3) floordiv 2 + d0 ceildiv 5 mod 7)>
} : () -> ()
