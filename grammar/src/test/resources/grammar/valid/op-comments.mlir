// A leading comment.
"t.a"() : () -> () // trailing comment with "quotes" and { braces
// -----
// The split marker above is just a comment for the grammar.
"t.b"() {a = 1 // comment inside a dictionary
  , b = 2} : () -> ()
