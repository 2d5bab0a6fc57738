"builtin.module"() ({
  "func.func"() <{function_type = (i32, f32) -> f32, sym_name = "sw"}> ({
  ^bb0(%arg0: i32, %arg1: f32):
    %0 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
    %1 = "arith.cmpf"(%arg1, %0) <{fastmath = #arith.fastmath<none>, predicate = 3 : i64}> : (f32, f32) -> i1
    "cf.assert"(%1) <{msg = "x must be >= 1"}> : (i1) -> ()
    "cf.switch"(%arg0, %arg1, %0)[^bb1, ^bb2, ^bb3] <{case_operand_segments = array<i32: 0, 1>, case_values = dense<[0, 1]> : vector<2xi32>, operandSegmentSizes = array<i32: 1, 1, 1>}> : (i32, f32, f32) -> ()
  ^bb1(%2: f32):  // pred: ^bb0
    "func.return"(%2) : (f32) -> ()
  ^bb2:  // pred: ^bb0
    "func.return"(%0) : (f32) -> ()
  ^bb3(%3: f32):  // pred: ^bb0
    %4 = "arith.addf"(%3, %arg1) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    "func.return"(%4) : (f32) -> ()
  }) : () -> ()
}) : () -> ()

