#lb = affine_map<(d0) -> (d0)>
#ub = affine_map<(d0)[s0] -> (d0 + 8, s0)>
func.func @tiled(%m: memref<?xf32>, %n: index) {
  affine.for %ii = 0 to %n step 8 {
    affine.for %i = #lb(%ii) to min #ub(%ii)[%n] {
      %v = affine.load %m[%i] : memref<?xf32>
      affine.store %v, %m[%i] : memref<?xf32>
    }
  }
  return
}
