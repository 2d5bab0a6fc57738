"t.x"() {
  a = affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>,
  b = affine_set<(d0, d1) : (d0 <= d1, d0 + d1 == 10, -d0 >= -5)>,
  c = affine_set<() : (0 == 0)>,
  d = affine_set<(d0)[s0, s1] : (d0 mod 2 == 0, d0 floordiv s0 > = s1 ceildiv 3)>,
  e = affine_set<(i) : (i >= 0, 99 - i >= 0)>
} : () -> ()
