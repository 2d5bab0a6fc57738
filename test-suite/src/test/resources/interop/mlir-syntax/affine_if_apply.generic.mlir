#map = affine_map<(d0) -> (d0 - 1)>
#map1 = affine_map<(d0) -> (d0 + 1)>
#map2 = affine_map<(d0) -> (d0)>
#map3 = affine_map<() -> (0)>
#map4 = affine_map<()[s0] -> (s0)>
#map5 = affine_map<(d0) -> (d0 floordiv 2)>
#map6 = affine_map<(d0)[s0] -> (d0, s0 - 4)>
#map7 = affine_map<(d0) -> (d0, 0)>
#set = affine_set<(d0)[s0] : (d0 - 1 >= 0, -d0 + s0 - 2 >= 0)>
"builtin.module"() ({
  "func.func"() <{function_type = (memref<?xf32>, memref<?xf32>, index) -> (), sym_name = "stencil"}> ({
  ^bb0(%arg0: memref<?xf32>, %arg1: memref<?xf32>, %arg2: index):
    "affine.for"(%arg2) <{lowerBoundMap = #map3, operandSegmentSizes = array<i32: 0, 1, 0>, step = 1 : index, upperBoundMap = #map4}> ({
    ^bb0(%arg3: index):
      "affine.if"(%arg3, %arg2) <{condition = #set}> ({
        %4 = "affine.load"(%arg0, %arg3) <{map = #map}> : (memref<?xf32>, index) -> f32
        %5 = "affine.load"(%arg0, %arg3) <{map = #map1}> : (memref<?xf32>, index) -> f32
        %6 = "arith.addf"(%4, %5) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
        "affine.store"(%6, %arg1, %arg3) <{map = #map2}> : (f32, memref<?xf32>, index) -> ()
        "affine.yield"() : () -> ()
      }, {
        %3 = "affine.load"(%arg0, %arg3) <{map = #map2}> : (memref<?xf32>, index) -> f32
        "affine.store"(%3, %arg1, %arg3) <{map = #map2}> : (f32, memref<?xf32>, index) -> ()
        "affine.yield"() : () -> ()
      }) : (index, index) -> ()
      "affine.yield"() : () -> ()
    }) : (index) -> ()
    %0 = "affine.apply"(%arg2) <{map = #map5}> : (index) -> index
    %1 = "affine.min"(%0, %arg2) <{map = #map6}> : (index, index) -> index
    %2 = "affine.max"(%1) <{map = #map7}> : (index) -> index
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

