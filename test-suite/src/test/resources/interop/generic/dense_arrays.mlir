"builtin.module"() ({
  "t.darr"() {bf16 = array<bf16: 1.000980e-01, -2.000000e+00>, e_f32 = array<f32>, e_f64 = array<f64>, e_i1 = array<i1>, e_i16 = array<i16>, e_i32 = array<i32>, e_i64 = array<i64>, e_i8 = array<i8>, f16 = array<f16: 1.500000e+00, 9.997550e-02>, f32 = array<f32: 1.000000e+00, 2.500000e+00, 1.000000e-01, -0.000000e+00, 0x7FC00000, 0x7F800000>, f64 = array<f64: 1.000000e-01, -0.000000e+00, 1.000000e+100, 12345.678, 0x7FF0000000000000>, i1 = array<i1: true, false, true>, i16 = array<i16: -32768, 32767>, i32 = array<i32: 1, -2, 2147483647>, i64 = array<i64: 1, 2, -9223372036854775808, 9223372036854775807>, i8 = array<i8: -128, 0, 127>, s8 = array<si8: -1>, u8 = array<ui8: 1, 255>} : () -> ()
  "t.darr_in_array"() {a = [array<i64: 1>, array<i32>]} : () -> ()
}) : () -> ()

