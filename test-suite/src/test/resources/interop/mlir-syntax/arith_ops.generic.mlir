"builtin.module"() ({
  "func.func"() <{function_type = (i32, i32, f32, f32) -> (i32, f32, i1, i64, f64), sym_name = "arith"}> ({
  ^bb0(%arg0: i32, %arg1: i32, %arg2: f32, %arg3: f32):
    %0 = "arith.addi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %1 = "arith.muli"(%0, %arg1) <{overflowFlags = #arith.overflow<nsw>}> : (i32, i32) -> i32
    %2 = "arith.subi"(%1, %arg0) <{overflowFlags = #arith.overflow<nsw, nuw>}> : (i32, i32) -> i32
    %3 = "arith.divsi"(%2, %arg1) : (i32, i32) -> i32
    %4 = "arith.remui"(%3, %arg0) : (i32, i32) -> i32
    %5 = "arith.andi"(%4, %arg0) : (i32, i32) -> i32
    %6 = "arith.shli"(%5, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
    %7 = "arith.addf"(%arg2, %arg3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    %8 = "arith.mulf"(%7, %arg3) <{fastmath = #arith.fastmath<fast>}> : (f32, f32) -> f32
    %9 = "arith.divf"(%8, %arg2) <{fastmath = #arith.fastmath<nnan,ninf>}> : (f32, f32) -> f32
    %10 = "arith.negf"(%9) <{fastmath = #arith.fastmath<none>}> : (f32) -> f32
    %11 = "arith.cmpi"(%6, %arg0) <{predicate = 2 : i64}> : (i32, i32) -> i1
    %12 = "arith.cmpf"(%10, %arg2) <{fastmath = #arith.fastmath<none>, predicate = 3 : i64}> : (f32, f32) -> i1
    %13 = "arith.andi"(%11, %12) : (i1, i1) -> i1
    %14 = "arith.extsi"(%6) : (i32) -> i64
    %15 = "arith.extf"(%10) : (f32) -> f64
    %16 = "arith.select"(%13, %6, %arg0) : (i1, i32, i32) -> i32
    %17 = "arith.maxnumf"(%10, %arg3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    "func.return"(%16, %17, %13, %14, %15) : (i32, f32, i1, i64, f64) -> ()
  }) : () -> ()
}) : () -> ()

