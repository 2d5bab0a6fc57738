// gpu dialect: container module, kernels with workgroup attributions, launch
// with address spaces, dimensions and async tokens.
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @kernel(%arg0: memref<?xf32>, %arg1: f32) workgroup(%wg: memref<32xf32, #gpu.address_space<workgroup>>) private(%pv: memref<4xf32, #gpu.address_space<private>>) kernel attributes {gpu.known_block_size = array<i32: 32, 1, 1>} {
      %tid = gpu.thread_id x
      %bid = gpu.block_id y
      %bdim = gpu.block_dim z
      memref.store %arg1, %wg[%tid] : memref<32xf32, #gpu.address_space<workgroup>>
      gpu.barrier
      %v = memref.load %wg[%tid] : memref<32xf32, #gpu.address_space<workgroup>>
      %r = gpu.all_reduce add %v uniform {} : (f32) -> f32
      memref.store %r, %arg0[%bid] : memref<?xf32>
      gpu.return
    }
  }
  func.func @host(%m: memref<?xf32>, %f: f32) {
    %c1 = arith.constant 1 : index
    %c32 = arith.constant 32 : index
    %t = gpu.wait async
    %t2 = gpu.launch_func async [%t] @kernels::@kernel blocks in (%c1, %c1, %c1) threads in (%c32, %c1, %c1) args(%m : memref<?xf32>, %f : f32)
    gpu.wait [%t2]
    return
  }
}
