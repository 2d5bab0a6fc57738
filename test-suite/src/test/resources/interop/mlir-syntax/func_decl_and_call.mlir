func.func private @ext(f32) -> f32
func.func @caller(%x: f32) -> (f32, f32) {
  %0 = call @ext(%x) : (f32) -> f32
  %1 = func.call @ext(%0) : (f32) -> f32
  return %0, %1 : f32, f32
}
