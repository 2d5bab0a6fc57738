#map = affine_map<(d0) -> (d0)>
"builtin.module"() ({
  "t.arrays"() {dicts = [{a = 1 : i64}, {b = 2 : i32}], empty = [], floats = [1.000000e+00, 2.500000e+00 : f32, 9.997550e-02 : f16], ints = [1, 2, 3], maps = [#map], mixed = [1, "a", [true], {}, unit, i32, @sym], nested = [[[]], [[1]], [[1, 2], [3]]], typed_ints = [1 : i32, 2 : i8, 3 : index], types = [i32, f32, tensor<4xi8>, () -> ()]} : () -> ()
}) : () -> ()

