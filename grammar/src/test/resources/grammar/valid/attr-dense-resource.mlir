"t.x"() {a = dense_resource<blob1> : tensor<3xi64>, b = dense_resource<"quoted key"> : tensor<5xi8>, c = dense_resource<dense> : tensor<1xi8>} : () -> ()
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x08000000010000000000000002000000000000000300000000000000",
      "quoted key": "0x010000000102030405",
      dense: "0x0100000007"
    }
  },
  external_resources: {
    mlir_reproducer: {
      pipeline: "builtin.module(canonicalize)",
      disable_threading: true,
      verify_each: false
    }
  }
#-}
