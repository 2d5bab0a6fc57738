"builtin.module"() ({
  "func.func"() <{function_type = (i32, f32, index) -> (f32, i32, index, i64, i16, f16, i32), sym_name = "casts"}> ({
  ^bb0(%arg0: i32, %arg1: f32, %arg2: index):
    %0 = "arith.sitofp"(%arg0) : (i32) -> f32
    %1 = "arith.fptosi"(%arg1) : (f32) -> i32
    %2 = "arith.index_cast"(%arg0) : (i32) -> index
    %3 = "arith.index_castui"(%arg2) : (index) -> i64
    %4 = "arith.trunci"(%arg0) <{overflowFlags = #arith.overflow<none>}> : (i32) -> i16
    %5 = "arith.truncf"(%arg1) : (f32) -> f16
    %6 = "arith.bitcast"(%arg1) : (f32) -> i32
    "func.return"(%0, %1, %2, %3, %4, %5, %6) : (f32, i32, index, i64, i16, f16, i32) -> ()
  }) : () -> ()
}) : () -> ()

