"t.x"() {
  a = vector<4xf32>,
  b = vector<4x[8]xf32>,
  c = vector<[4]xi1>,
  d = vector<[4]x[4]xf32>,
  e = vector<f32>,
  f = vector<2x3x4xindex>,
  g = vector<16xi8>,
  h = vector<1x[ 4 ]xf16>,
  i = vector<4xbf16>,
  j = vector<2xf8E4M3FN>
} : () -> ()
