"builtin.module"() ({
  "func.func"() <{function_type = (memref<16xf32>) -> f32, sym_name = "par"}> ({
  ^bb0(%arg0: memref<16xf32>):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 1 : index}> : () -> index
    %2 = "arith.constant"() <{value = 16 : index}> : () -> index
    %3 = "arith.constant"() <{value = 0.000000e+00 : f32}> : () -> f32
    %4 = "scf.parallel"(%0, %2, %1, %3) <{operandSegmentSizes = array<i32: 1, 1, 1, 1>}> ({
    ^bb0(%arg1: index):
      %5 = "memref.load"(%arg0, %arg1) : (memref<16xf32>, index) -> f32
      "scf.reduce"(%5) ({
      ^bb0(%arg2: f32, %arg3: f32):
        %6 = "arith.addf"(%arg2, %arg3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
        "scf.reduce.return"(%6) : (f32) -> ()
      }) : (f32) -> ()
    }) : (index, index, index, f32) -> f32
    "func.return"(%4) : (f32) -> ()
  }) : () -> ()
}) : () -> ()

