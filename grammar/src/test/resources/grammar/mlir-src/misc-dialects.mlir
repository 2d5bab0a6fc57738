// math, complex, index, ub, bufferization and builtin module attributes
// (DLTI data layout), unrealized casts.
module @misc attributes {dlti.dl_spec = #dlti.dl_spec<#dlti.dl_entry<i64, dense<64> : vector<2xi64>>, #dlti.dl_entry<"dlti.endianness", "little">>, test.unit} {
  func.func @math(%x: f32, %c: complex<f32>, %i: index, %v: vector<4xf64>) -> f32 {
    %s = math.sqrt %x : f32
    %e = math.exp %s fastmath<afn> : f32
    %p = math.powf %e, %x : f32
    %fma = math.fma %p, %x, %e : f32
    %vc = math.cos %v : vector<4xf64>
    %abs = complex.abs %c : complex<f32>
    %re = complex.re %c : complex<f32>
    %cc = complex.constant [1.0 : f32, 2.0 : f32] : complex<f32>
    %sum = complex.add %c, %cc : complex<f32>
    %i2 = index.add %i, %i
    %cst = index.constant 42
    %cmp = index.cmp ult(%i2, %cst)
    %poison = ub.poison : f32
    %u = builtin.unrealized_conversion_cast %x : f32 to i32
    %r = arith.addf %fma, %abs : f32
    return %r : f32
  }
  func.func @buf(%t: tensor<4xf32>) -> memref<4xf32> {
    %m = bufferization.to_buffer %t : tensor<4xf32> to memref<4xf32>
    %a = bufferization.alloc_tensor() : tensor<4xf32>
    return %m : memref<4xf32>
  }
}
