"builtin.module"() ({
  %0:2 = "t.loop"() ({
  ^bb0(%arg0: index, %arg1: f32):
    %3 = "t.step"(%arg1) : (f32) -> f32
    "t.yield"(%3) : (f32) -> ()
  }) : () -> (f32, index)
  %1 = "t.if"(%0#1) ({
    "t.yield"(%0#0) : (f32) -> ()
  }, {
    %2 = "t.neg"(%0#0) : (f32) -> f32
    "t.yield"(%2) : (f32) -> ()
  }) : (index) -> f32
  "t.sink"(%1) : (f32) -> ()
}) : () -> ()

