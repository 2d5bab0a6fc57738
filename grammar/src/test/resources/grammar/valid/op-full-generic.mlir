"t.entry"() ({
^bb0(%arg0: i32, %arg1: i1):
  %0:2 = "t.everything"(%arg0, %arg1)[^bb1] <{prop = [1, 2, 3]}> ({
    "t.r0"() : () -> ()
  }, {
  ^inner(%z: index):
    "t.r1"(%z) : (index) -> ()
  }) {attr = "x", unit_attr} : (i32, i1) -> (i32, f32) loc("everything.mlir":3:7)
^bb1:
  "t.return"() : () -> ()
}) : () -> ()
