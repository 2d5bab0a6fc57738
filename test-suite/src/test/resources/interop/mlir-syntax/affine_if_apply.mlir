#set = affine_set<(d0)[s0] : (d0 - 1 >= 0, s0 - d0 - 2 >= 0)>
func.func @stencil(%in: memref<?xf32>, %out: memref<?xf32>, %n: index) {
  affine.for %i = 0 to %n {
    affine.if #set(%i)[%n] {
      %l = affine.load %in[%i - 1] : memref<?xf32>
      %r = affine.load %in[%i + 1] : memref<?xf32>
      %s = arith.addf %l, %r : f32
      affine.store %s, %out[%i] : memref<?xf32>
    } else {
      %c = affine.load %in[%i] : memref<?xf32>
      affine.store %c, %out[%i] : memref<?xf32>
    }
  }
  %j = affine.apply affine_map<(d0) -> (d0 floordiv 2)>(%n)
  %k = affine.min affine_map<(d0)[s0] -> (d0, s0 - 4)>(%j)[%n]
  %m = affine.max affine_map<(d0) -> (d0, 0)>(%k)
  return
}
