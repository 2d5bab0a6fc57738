"builtin.module"() ({
  "func.func"() <{function_type = () -> (), sym_name = "unused", sym_visibility = "private"}> ({
    "func.return"() : () -> () loc(#loc2)
  }) : () -> () loc(#loc1)
  "func.func"() <{function_type = () -> (), sym_name = "used", sym_visibility = "private"}> ({
    "func.return"() : () -> () loc(#loc4)
  }) : () -> () loc(#loc3)
  "func.func"() <{function_type = () -> (), sym_name = "decl", sym_visibility = "private"}> ({
  }) : () -> () loc(#loc5)
  "func.func"() <{function_type = () -> (), sym_name = "used_by_dead", sym_visibility = "private"}> ({
    "func.call"() <{callee = @used2}> : () -> () loc(#loc7)
    "func.return"() : () -> () loc(#loc8)
  }) : () -> () loc(#loc6)
  "func.func"() <{function_type = () -> (), sym_name = "used2", sym_visibility = "private"}> ({
    "func.return"() : () -> () loc(#loc10)
  }) : () -> () loc(#loc9)
  "func.func"() <{function_type = () -> (), sym_name = "pub"}> ({
    "func.call"() <{callee = @used}> : () -> () loc(#loc12)
    "func.return"() : () -> () loc(#loc13)
  }) : () -> () loc(#loc11)
  "func.func"() <{function_type = () -> (), sym_name = "nest", sym_visibility = "nested"}> ({
    "func.return"() : () -> () loc(#loc15)
  }) : () -> () loc(#loc14)
  "xx.holder"() {ref = @decl, refs = [@used3]} : () -> () loc(#loc16)
  "func.func"() <{function_type = () -> (), sym_name = "used3", sym_visibility = "private"}> ({
    "func.return"() : () -> () loc(#loc18)
  }) : () -> () loc(#loc17)
  "builtin.module"() <{sym_name = "inner", sym_visibility = "private"}> ({
    "func.func"() <{function_type = () -> (), sym_name = "in_dead", sym_visibility = "private"}> ({
      "func.return"() : () -> () loc(#loc21)
    }) : () -> () loc(#loc20)
    "func.func"() <{function_type = () -> (), sym_name = "in_pub"}> ({
      "func.return"() : () -> () loc(#loc23)
    }) : () -> () loc(#loc22)
  }) : () -> () loc(#loc19)
  "builtin.module"() <{sym_name = "inner2"}> ({
    "func.func"() <{function_type = () -> (), sym_name = "in_dead2", sym_visibility = "private"}> ({
      "func.return"() : () -> () loc(#loc26)
    }) : () -> () loc(#loc25)
    "func.func"() <{function_type = () -> (), sym_name = "in_pub2"}> ({
      "func.call"() <{callee = @in_used}> : () -> () loc(#loc28)
      "func.return"() : () -> () loc(#loc29)
    }) : () -> () loc(#loc27)
    "func.func"() <{function_type = () -> (), sym_name = "in_used", sym_visibility = "private"}> ({
      "func.return"() : () -> () loc(#loc31)
    }) : () -> () loc(#loc30)
  }) : () -> () loc(#loc24)
  "func.func"() <{function_type = () -> (), sym_name = "user"}> ({
    "xx.call"() {callee = @inner2::@in_pub2} : () -> () loc(#loc33)
    "func.return"() : () -> () loc(#loc34)
  }) : () -> () loc(#loc32)
}) : () -> () loc(#loc)
#loc = loc("symbol-dce.mlir":2:1)
#loc1 = loc("symbol-dce.mlir":3:3)
#loc2 = loc("symbol-dce.mlir":3:33)
#loc3 = loc("symbol-dce.mlir":4:3)
#loc4 = loc("symbol-dce.mlir":4:31)
#loc5 = loc("symbol-dce.mlir":5:3)
#loc6 = loc("symbol-dce.mlir":6:3)
#loc7 = loc("symbol-dce.mlir":6:39)
#loc8 = loc("symbol-dce.mlir":6:69)
#loc9 = loc("symbol-dce.mlir":7:3)
#loc10 = loc("symbol-dce.mlir":7:32)
#loc11 = loc("symbol-dce.mlir":8:3)
#loc12 = loc("symbol-dce.mlir":8:22)
#loc13 = loc("symbol-dce.mlir":8:51)
#loc14 = loc("symbol-dce.mlir":9:3)
#loc15 = loc("symbol-dce.mlir":9:30)
#loc16 = loc("symbol-dce.mlir":10:3)
#loc17 = loc("symbol-dce.mlir":11:3)
#loc18 = loc("symbol-dce.mlir":11:32)
#loc19 = loc("symbol-dce.mlir":12:3)
#loc20 = loc("symbol-dce.mlir":13:5)
#loc21 = loc("symbol-dce.mlir":13:36)
#loc22 = loc("symbol-dce.mlir":14:5)
#loc23 = loc("symbol-dce.mlir":14:27)
#loc24 = loc("symbol-dce.mlir":16:3)
#loc25 = loc("symbol-dce.mlir":17:5)
#loc26 = loc("symbol-dce.mlir":17:37)
#loc27 = loc("symbol-dce.mlir":18:5)
#loc28 = loc("symbol-dce.mlir":18:28)
#loc29 = loc("symbol-dce.mlir":18:60)
#loc30 = loc("symbol-dce.mlir":19:5)
#loc31 = loc("symbol-dce.mlir":19:36)
#loc32 = loc("symbol-dce.mlir":21:3)
#loc33 = loc("symbol-dce.mlir":21:23)
#loc34 = loc("symbol-dce.mlir":21:75)

