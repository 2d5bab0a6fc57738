"builtin.module"() ({
  "func.func"() <{function_type = (memref<8x8xf32>) -> (), sym_name = "nested"}> ({
  ^bb0(%arg0: memref<8x8xf32>):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 1 : index}> : () -> index
    %2 = "arith.constant"() <{value = 8 : index}> : () -> index
    %3 = "arith.constant"() <{value = 2.000000e+00 : f32}> : () -> f32
    "scf.for"(%0, %2, %1) ({
    ^bb0(%arg1: index):
      "scf.for"(%0, %2, %1) ({
      ^bb0(%arg2: index):
        %4 = "memref.load"(%arg0, %arg1, %arg2) : (memref<8x8xf32>, index, index) -> f32
        %5 = "arith.mulf"(%4, %3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
        "memref.store"(%5, %arg0, %arg1, %arg2) : (f32, memref<8x8xf32>, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

