module @m attributes {t.a = 1} {
  "t.v"() : () -> ()
  module {
  }
}
