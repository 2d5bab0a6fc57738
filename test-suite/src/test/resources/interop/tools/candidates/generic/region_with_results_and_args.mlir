%0:2 = "t.loop"() ({
^bb0(%iv: index, %acc: f32):
  %1 = "t.step"(%acc) : (f32) -> f32
  "t.yield"(%1) : (f32) -> ()
}) : () -> (f32, index)
%2 = "t.if"(%0#1) ({
  "t.yield"(%0#0) : (f32) -> ()
}, {
  %3 = "t.neg"(%0#0) : (f32) -> f32
  "t.yield"(%3) : (f32) -> ()
}) : (index) -> f32
"t.sink"(%2) : (f32) -> ()
