"builtin.module"() ({
  "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "select_max"}> ({
  ^bb0(%arg2: i32, %arg3: i32):
    %2 = "arith.cmpi"(%arg2, %arg3) <{predicate = 4 : i64}> : (i32, i32) -> i1
    %3 = "scf.if"(%2) ({
      "scf.yield"(%arg2) : (i32) -> ()
    }, {
      "scf.yield"(%arg3) : (i32) -> ()
    }) : (i1) -> i32
    "func.return"(%3) : (i32) -> ()
  }) : () -> ()
  "func.func"() <{function_type = (i1, memref<1xi32>) -> (), sym_name = "side_effect"}> ({
  ^bb0(%arg0: i1, %arg1: memref<1xi32>):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 7 : i32}> : () -> i32
    "scf.if"(%arg0) ({
      "memref.store"(%1, %arg1, %0) : (i32, memref<1xi32>, index) -> ()
      "scf.yield"() : () -> ()
    }, {
    }) : (i1) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

