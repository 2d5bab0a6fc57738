"builtin.module"() ({
  "func.func"() <{function_type = (i1, i64, i64) -> i64, sym_name = "diamond"}> ({
  ^bb0(%arg0: i1, %arg1: i64, %arg2: i64):
    "cf.cond_br"(%arg0)[^bb1, ^bb2] <{branch_weights = array<i32: 90, 10>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i1) -> ()
  ^bb1:  // pred: ^bb0
    %0 = "arith.addi"(%arg1, %arg2) <{overflowFlags = #arith.overflow<none>}> : (i64, i64) -> i64
    "cf.br"(%0)[^bb3] : (i64) -> ()
  ^bb2:  // pred: ^bb0
    %1 = "arith.subi"(%arg1, %arg2) <{overflowFlags = #arith.overflow<none>}> : (i64, i64) -> i64
    "cf.br"(%1)[^bb3] : (i64) -> ()
  ^bb3(%2: i64):  // 2 preds: ^bb1, ^bb2
    "func.return"(%2) : (i64) -> ()
  }) : () -> ()
}) : () -> ()

