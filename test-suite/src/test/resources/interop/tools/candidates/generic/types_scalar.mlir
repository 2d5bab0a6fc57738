%0:12 = "t.ints"() : () -> (i0, i1, i2, i8, i16, i32, i64, i128, i65535, si8, ui32, index)
%1:14 = "t.floats"() : () -> (f16, bf16, f32, f64, f80, f128, tf32, f8E4M3FN, f8E5M2, f8E5M2FNUZ, f8E4M3FNUZ, f8E4M3B11FNUZ, f8E3M4, f4E2M1FN)
%2:4 = "t.misc"() : () -> (none, f6E2M3FN, f6E3M2FN, f8E8M0FNU)
