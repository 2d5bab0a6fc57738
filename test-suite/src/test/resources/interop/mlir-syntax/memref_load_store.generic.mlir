"builtin.module"() ({
  "func.func"() <{function_type = (f32, memref<128xf32>, memref<128xf32>) -> (), sym_name = "axpy"}> ({
  ^bb0(%arg0: f32, %arg1: memref<128xf32>, %arg2: memref<128xf32>):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 1 : index}> : () -> index
    %2 = "arith.constant"() <{value = 128 : index}> : () -> index
    "scf.for"(%0, %2, %1) ({
    ^bb0(%arg3: index):
      %3 = "memref.load"(%arg1, %arg3) : (memref<128xf32>, index) -> f32
      %4 = "memref.load"(%arg2, %arg3) : (memref<128xf32>, index) -> f32
      %5 = "arith.mulf"(%arg0, %3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
      %6 = "arith.addf"(%5, %4) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
      "memref.store"(%6, %arg2, %arg3) : (f32, memref<128xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

