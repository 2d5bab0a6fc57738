func.func @casts(%i: i32, %f: f32, %idx: index) -> (f32, i32, index, i64, i16, f16, i32) {
  %0 = arith.sitofp %i : i32 to f32
  %1 = arith.fptosi %f : f32 to i32
  %2 = arith.index_cast %i : i32 to index
  %3 = arith.index_castui %idx : index to i64
  %4 = arith.trunci %i : i32 to i16
  %5 = arith.truncf %f : f32 to f16
  %6 = arith.bitcast %f : f32 to i32
  return %0, %1, %2, %3, %4, %5, %6 : f32, i32, index, i64, i16, f16, i32
}
