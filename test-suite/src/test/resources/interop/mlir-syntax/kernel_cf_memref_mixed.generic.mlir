"builtin.module"() ({
  "func.func"() <{function_type = (memref<?xi32>, i32) -> index, sym_name = "find_first"}> ({
  ^bb0(%arg0: memref<?xi32>, %arg1: i32):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 1 : index}> : () -> index
    %2 = "memref.dim"(%arg0, %0) : (memref<?xi32>, index) -> index
    "cf.br"(%0)[^bb1] : (index) -> ()
  ^bb1(%3: index):  // 2 preds: ^bb0, ^bb2
    %4 = "arith.cmpi"(%3, %2) <{predicate = 6 : i64}> : (index, index) -> i1
    "cf.cond_br"(%4, %3)[^bb2, ^bb4] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, index) -> ()
  ^bb2(%5: index):  // pred: ^bb1
    %6 = "memref.load"(%arg0, %5) : (memref<?xi32>, index) -> i32
    %7 = "arith.cmpi"(%6, %arg1) <{predicate = 0 : i64}> : (i32, i32) -> i1
    %8 = "arith.addi"(%5, %1) <{overflowFlags = #arith.overflow<none>}> : (index, index) -> index
    "cf.cond_br"(%7, %5, %8)[^bb3, ^bb1] <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (i1, index, index) -> ()
  ^bb3(%9: index):  // pred: ^bb2
    "func.return"(%9) : (index) -> ()
  ^bb4:  // pred: ^bb1
    "func.return"(%2) : (index) -> ()
  }) : () -> ()
}) : () -> ()

