%0 = "t.x"() : () -> index
%1 = "t.x"() : () -> none
%2 = "t.x"() : () -> complex<f32>
%3 = "t.x"() : () -> complex<i8>
%4 = "t.x"() : () -> tuple<>
%5 = "t.x"() : () -> tuple<i32, f32, tuple<index, tuple<>>>
%6 = "t.x"() : () -> tuple<complex<f64>, (i32) -> i32>
