#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0)[s0] -> (d0 + 8, s0)>
#map2 = affine_map<() -> (0)>
#map3 = affine_map<()[s0] -> (s0)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<?xf32>, index) -> (), sym_name = "tiled"}> ({
  ^bb0(%arg0: memref<?xf32>, %arg1: index):
    "affine.for"(%arg1) <{lowerBoundMap = #map2, operandSegmentSizes = array<i32: 0, 1, 0>, step = 8 : index, upperBoundMap = #map3}> ({
    ^bb0(%arg2: index):
      "affine.for"(%arg2, %arg2, %arg1) <{lowerBoundMap = #map, operandSegmentSizes = array<i32: 1, 2, 0>, step = 1 : index, upperBoundMap = #map1}> ({
      ^bb0(%arg3: index):
        %0 = "affine.load"(%arg0, %arg3) <{map = #map}> : (memref<?xf32>, index) -> f32
        "affine.store"(%0, %arg0, %arg3) <{map = #map}> : (f32, memref<?xf32>, index) -> ()
        "affine.yield"() : () -> ()
      }) : (index, index, index) -> ()
      "affine.yield"() : () -> ()
    }) : (index) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

