// vector dialect: scalable vectors, transfers with permutation maps and
// in_bounds, contraction with iterator types, masks, reductions, shuffles.
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @vector(%m: memref<?x?xf32>, %v: vector<4x8xf32>, %s: vector<[4]xf32>, %i: index, %f: f32) -> vector<4x4xf32> {
  %pad = arith.constant 0.0 : f32
  %r = vector.transfer_read %m[%i, %i], %pad {in_bounds = [true, false], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<?x?xf32>, vector<8x4xf32>
  vector.transfer_write %v, %m[%i, %i] {in_bounds = [true, true]} : vector<4x8xf32>, memref<?x?xf32>
  %acc = arith.constant dense<0.0> : vector<4x4xf32>
  %c = vector.contract {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %v, %r, %acc : vector<4x8xf32>, vector<8x4xf32> into vector<4x4xf32>
  %b = vector.broadcast %f : f32 to vector<[4]xf32>
  %sum = arith.addf %b, %s : vector<[4]xf32>
  %red = vector.reduction <add>, %sum : vector<[4]xf32> into f32
  %mask = vector.create_mask %i : vector<[4]xi1>
  %ml = vector.maskedload %m[%i, %i], %mask, %sum : memref<?x?xf32>, vector<[4]xi1>, vector<[4]xf32> into vector<[4]xf32>
  %x = vector.extract %v[1, 2] : f32 from vector<4x8xf32>
  %ins = vector.insert %x, %v[0, 0] : f32 into vector<4x8xf32>
  %sh = vector.shape_cast %ins : vector<4x8xf32> to vector<32xf32>
  %shuf = vector.shuffle %sh, %sh [0, 32, 1, 33] : vector<32xf32>, vector<32xf32>
  %step = vector.step : vector<[4]xindex>
  %vs = vector.vscale
  %fma = vector.fma %c, %c, %acc : vector<4x4xf32>
  return %fma : vector<4x4xf32>
}
