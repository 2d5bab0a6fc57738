"builtin.module"() ({
  "func.func"() <{function_type = (i64) -> i64, sym_name = "collatz"}> ({
  ^bb0(%arg0: i64):
    %0 = "arith.constant"() <{value = 1 : i64}> : () -> i64
    %1 = "arith.constant"() <{value = 2 : i64}> : () -> i64
    %2 = "arith.constant"() <{value = 3 : i64}> : () -> i64
    %3 = "arith.constant"() <{value = 0 : i64}> : () -> i64
    %4:2 = "scf.while"(%arg0, %3) ({
    ^bb0(%arg3: i64, %arg4: i64):
      %12 = "arith.cmpi"(%arg3, %0) <{predicate = 1 : i64}> : (i64, i64) -> i1
      "scf.condition"(%12, %arg3, %arg4) : (i1, i64, i64) -> ()
    }, {
    ^bb0(%arg1: i64, %arg2: i64):
      %5 = "arith.remui"(%arg1, %1) : (i64, i64) -> i64
      %6 = "arith.cmpi"(%5, %3) <{predicate = 0 : i64}> : (i64, i64) -> i1
      %7 = "scf.if"(%6) ({
        %11 = "arith.divui"(%arg1, %1) : (i64, i64) -> i64
        "scf.yield"(%11) : (i64) -> ()
      }, {
        %9 = "arith.muli"(%arg1, %2) <{overflowFlags = #arith.overflow<none>}> : (i64, i64) -> i64
        %10 = "arith.addi"(%9, %0) <{overflowFlags = #arith.overflow<none>}> : (i64, i64) -> i64
        "scf.yield"(%10) : (i64) -> ()
      }) : (i1) -> i64
      %8 = "arith.addi"(%arg2, %0) <{overflowFlags = #arith.overflow<none>}> : (i64, i64) -> i64
      "scf.yield"(%7, %8) : (i64, i64) -> ()
    }) : (i64, i64) -> (i64, i64)
    "func.return"(%4#1) : (i64) -> ()
  }) : () -> ()
}) : () -> ()

