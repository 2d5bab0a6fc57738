#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<() -> (0, 0)>
#map2 = affine_map<() -> (32, 32)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<32x32xf32>) -> (), sym_name = "par"}> ({
  ^bb0(%arg0: memref<32x32xf32>):
    %0 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
    "affine.parallel"() <{lowerBoundsGroups = dense<1> : tensor<2xi32>, lowerBoundsMap = #map1, reductions = [], steps = [2, 4], upperBoundsGroups = dense<1> : tensor<2xi32>, upperBoundsMap = #map2}> ({
    ^bb0(%arg1: index, %arg2: index):
      "affine.store"(%0, %arg0, %arg1, %arg2) <{map = #map}> : (f32, memref<32x32xf32>, index, index) -> ()
      "affine.yield"() : () -> ()
    }) : () -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

