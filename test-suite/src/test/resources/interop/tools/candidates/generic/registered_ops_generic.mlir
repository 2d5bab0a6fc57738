"func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
^bb0(%arg0: i32):
  %0 = "arith.constant"() <{value = 1 : i32}> : () -> i32
  %1 = "arith.addi"(%arg0, %0) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
  %2 = "t.unreg"(%1) <{p = 1}> : (i32) -> i32
  "func.return"(%2) : (i32) -> ()
}) : () -> ()
%c = "builtin.unrealized_conversion_cast"() : () -> i32
%d:2 = "builtin.unrealized_conversion_cast"(%c) : (i32) -> (i64, f32)
