"t.x"() : () -> ()
{-#
  dialect_resources: {
    builtin: {
    }
  }
#-}
