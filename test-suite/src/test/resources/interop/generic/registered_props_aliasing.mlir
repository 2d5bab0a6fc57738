#map = affine_map<(d0) -> (d0 + 1)>
#map1 = affine_map<(d0) -> (d0 + 2)>
#map2 = affine_map<(d0) -> (d0 + 3)>
"builtin.module"() ({
  "func.func"() <{function_type = (index) -> index, sym_name = "props"}> ({
  ^bb0(%arg0: index):
    %0 = "affine.apply"(%arg0) <{map = #map1}> {a = #map, z = #map2} : (index) -> index
    %1 = "t.unreg"(%0) <{map = affine_map<(d0) -> (d0 + 4)>, same = #map}> : (index) -> index
    "func.return"(%1) : (index) -> ()
  }) : () -> ()
}) : () -> ()

