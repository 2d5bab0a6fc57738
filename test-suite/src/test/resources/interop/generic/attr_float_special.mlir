"builtin.module"() ({
  "t.nan_inf"() {bf16_inf = 0x7F80 : bf16, bf16_nan = 0x7FC0 : bf16, f16_inf = 0x7C00 : f16, f16_nan = 0x7E00 : f16, f16_ninf = 0xFC00 : f16, f32_inf = 0x7F800000 : f32, f32_nan = 0x7FC00000 : f32, f32_ninf = 0xFF800000 : f32, f64_inf = 0x7FF0000000000000 : f64, f64_nan = 0x7FF8000000000000 : f64, f64_nan_payload = 0x7FF8000000000001 : f64, f64_negnan = 0xFFF8000000000000 : f64, f64_ninf = 0xFFF0000000000000 : f64} : () -> ()
  "t.denormals"() {bf16_max_sub = 1.166310e-38 : bf16, bf16_min = 9.183550e-41 : bf16, f16_max_sub = 6.097560e-05 : f16, f16_min = 5.960460e-08 : f16, f32_max_sub = 1.17549421E-38 : f32, f32_min = 1.401300e-45 : f32, f64_max_sub = 2.2250738585072009E-308 : f64, f64_min = 4.940660e-324 : f64} : () -> ()
  "t.hex_normal"() {big_int = 0x419D6F3454000000 : f64, one_f16 = 1.000000e+00 : f16, one_f32 = 1.000000e+00 : f32, one_f64 = 1.000000e+00 : f64, third_f32 = 0.333333343 : f32} : () -> ()
  "t.neg_zero"() {a = -0.000000e+00 : f16, b = -0.000000e+00 : bf16, c = -0.000000e+00 : f32, d = -0.000000e+00 : f64, e = -0.000000e+00 : f64} : () -> ()
}) : () -> ()

