"t.x"() {
  a = tensor<4x // a comment with 9x and < inside
    ?x f32>,
  b = vector<[ // scalable
    4 ]x
    f32>,
  c = memref // comment before the bracket <
    <* // unranked
    x i8>,
  d = tensor<
    f32>
} : () -> ()
