#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> (d0 + 1)>
#map2 = affine_map<() -> (0)>
#map3 = affine_map<() -> (64)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<64xf32>, memref<64xf32>) -> f32, sym_name = "dot"}> ({
  ^bb0(%arg0: memref<64xf32>, %arg1: memref<64xf32>):
    %0 = "arith.constant"() <{value = 0.000000e+00 : f32}> : () -> f32
    %1 = "affine.for"(%0) <{lowerBoundMap = #map2, operandSegmentSizes = array<i32: 0, 0, 1>, step = 2 : index, upperBoundMap = #map3}> ({
    ^bb0(%arg2: index, %arg3: f32):
      %2 = "affine.load"(%arg0, %arg2) <{map = #map}> : (memref<64xf32>, index) -> f32
      %3 = "affine.load"(%arg1, %arg2) <{map = #map1}> : (memref<64xf32>, index) -> f32
      %4 = "arith.mulf"(%2, %3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
      %5 = "arith.addf"(%arg3, %4) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
      "affine.yield"(%5) : (f32) -> ()
    }) : (f32) -> f32
    "func.return"(%1) : (f32) -> ()
  }) : () -> ()
}) : () -> ()

