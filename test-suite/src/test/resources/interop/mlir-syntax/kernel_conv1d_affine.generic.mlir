#map = affine_map<(d0, d1) -> (d0 + d1)>
#map1 = affine_map<(d0) -> (d0)>
#map2 = affine_map<() -> (0)>
#map3 = affine_map<() -> (3)>
#map4 = affine_map<() -> (32)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<34xf32>, memref<3xf32>, memref<32xf32>) -> (), sym_name = "conv1d"}> ({
  ^bb0(%arg0: memref<34xf32>, %arg1: memref<3xf32>, %arg2: memref<32xf32>):
    %0 = "arith.constant"() <{value = 0.000000e+00 : f32}> : () -> f32
    "affine.for"() <{lowerBoundMap = #map2, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = #map4}> ({
    ^bb0(%arg3: index):
      %1 = "affine.for"(%0) <{lowerBoundMap = #map2, operandSegmentSizes = array<i32: 0, 0, 1>, step = 1 : index, upperBoundMap = #map3}> ({
      ^bb0(%arg4: index, %arg5: f32):
        %2 = "affine.load"(%arg0, %arg3, %arg4) <{map = #map}> : (memref<34xf32>, index, index) -> f32
        %3 = "affine.load"(%arg1, %arg4) <{map = #map1}> : (memref<3xf32>, index) -> f32
        %4 = "arith.mulf"(%2, %3) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
        %5 = "arith.addf"(%arg5, %4) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
        "affine.yield"(%5) : (f32) -> ()
      }) : (f32) -> f32
      "affine.store"(%1, %arg2, %arg3) <{map = #map1}> : (f32, memref<32xf32>, index) -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

