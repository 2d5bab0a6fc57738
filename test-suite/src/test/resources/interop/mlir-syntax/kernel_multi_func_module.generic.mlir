"builtin.module"() ({
  "func.func"() <{function_type = (f32) -> f32, sym_name = "helper", sym_visibility = "private"}> ({
  ^bb0(%arg2: f32):
    %5 = "arith.constant"() <{value = 3.000000e+00 : f32}> : () -> f32
    %6 = "arith.mulf"(%arg2, %5) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
    "func.return"(%6) : (f32) -> ()
  }) : () -> ()
  "func.func"() <{function_type = (memref<4xf32>) -> (), sym_name = "main"}> ({
  ^bb0(%arg0: memref<4xf32>):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 4 : index}> : () -> index
    %2 = "arith.constant"() <{value = 1 : index}> : () -> index
    "scf.for"(%0, %1, %2) ({
    ^bb0(%arg1: index):
      %3 = "memref.load"(%arg0, %arg1) : (memref<4xf32>, index) -> f32
      %4 = "func.call"(%3) <{callee = @helper}> : (f32) -> f32
      "memref.store"(%4, %arg0, %arg1) : (f32, memref<4xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) {t.target = "cim"} : () -> ()

