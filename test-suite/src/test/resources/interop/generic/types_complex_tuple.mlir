"builtin.module"() ({
  %0:4 = "t.c"() : () -> (complex<f32>, complex<f64>, complex<i8>, complex<bf16>)
  %1:5 = "t.t"() : () -> (tuple<>, tuple<i32>, tuple<i32, f32>, tuple<tuple<>, tuple<i1, tuple<index>>>, tuple<tensor<2xi8>, memref<?xf32>>)
  "t.use"(%0#0, %1#3) : (complex<f32>, tuple<tuple<>, tuple<i1, tuple<index>>>) -> ()
}) : () -> ()

