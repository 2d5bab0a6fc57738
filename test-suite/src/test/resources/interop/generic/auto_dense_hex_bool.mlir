"builtin.module"() ({
  "t.i1_100"() {a = dense<[false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false, true, true, false]> : tensor<100xi1>} : () -> ()
  "t.i1_101"() {a = dense<"0xB66DDBB66DDBB66DDBB66DDB16"> : tensor<101xi1>} : () -> ()
  "t.i1_128"() {a = dense<"0xB66DDBB66DDBB66DDBB66DDBB66DDBB6"> : tensor<128xi1>} : () -> ()
  "t.i1_8x16"() {a = dense<"0xAAAA5555AAAA5555AAAA5555AAAA5555"> : tensor<8x16xi1>} : () -> ()
}) : () -> ()

