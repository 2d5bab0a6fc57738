func.func @sw(%flag: i32, %x: f32) -> f32 {
  %c = arith.constant 1.0 : f32
  %ok = arith.cmpf oge, %x, %c : f32
  cf.assert %ok, "x must be >= 1"
  cf.switch %flag : i32, [
    default: ^bb1(%x : f32),
    0: ^bb2,
    1: ^bb3(%c : f32)
  ]
^bb1(%a: f32):
  return %a : f32
^bb2:
  return %c : f32
^bb3(%b: f32):
  %s = arith.addf %b, %x : f32
  return %s : f32
}
