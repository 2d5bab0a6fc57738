"builtin.module"() ({
  "func.func"() <{function_type = (index) -> index, sym_name = "count"}> ({
  ^bb0(%arg0: index):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 1 : index}> : () -> index
    "cf.br"(%0, %0)[^bb1] : (index, index) -> ()
  ^bb1(%2: index, %3: index):  // 2 preds: ^bb0, ^bb2
    %4 = "arith.cmpi"(%2, %arg0) <{predicate = 5 : i64}> : (index, index) -> i1
    "cf.cond_br"(%4)[^bb3, ^bb2] <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (i1) -> ()
  ^bb2:  // pred: ^bb1
    %5 = "arith.addi"(%3, %2) <{overflowFlags = #arith.overflow<none>}> : (index, index) -> index
    %6 = "arith.addi"(%2, %1) <{overflowFlags = #arith.overflow<none>}> : (index, index) -> index
    "cf.br"(%6, %5)[^bb1] : (index, index) -> ()
  ^bb3:  // pred: ^bb1
    "func.return"(%3) : (index) -> ()
  }) : () -> ()
}) : () -> ()

