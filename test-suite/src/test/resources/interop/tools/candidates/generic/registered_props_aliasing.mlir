"func.func"() <{function_type = (index) -> index, sym_name = "props"}> ({
^bb0(%arg0: index):
  %0 = "affine.apply"(%arg0) <{map = affine_map<(d0) -> (d0 + 2)>}> {a = affine_map<(d0) -> (d0 + 1)>, z = affine_map<(d0) -> (d0 + 3)>} : (index) -> index
  %1 = "t.unreg"(%0) <{map = affine_map<(d0) -> (d0 + 4)>, same = affine_map<(d0) -> (d0 + 1)>}> : (index) -> index
  "func.return"(%1) : (index) -> ()
}) : () -> ()
