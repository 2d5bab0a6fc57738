// memref dialect: allocation, access, subviews with strided layouts, casts
// (incl. unranked), globals, reinterpret_cast, view, copy, atomics,
// memory spaces.
memref.global "private" constant @table : memref<4xi32> = dense<[1, 2, 3, 4]> {alignment = 64 : i64}
memref.global @uninit : memref<2x2xf32, 1> = uninitialized
func.func @ops(%n: index, %f: f32, %src: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.alloc(%n) {alignment = 16 : i64} : memref<?x8xf32>
  %b = memref.alloca() : memref<4x4xf32, 3>
  %g = memref.get_global @table : memref<4xi32>
  %v = memref.load %a[%c0, %c1] : memref<?x8xf32>
  memref.store %f, %a[%c1, %c0] {nontemporal = true} : memref<?x8xf32>
  %sv = memref.subview %src[%c0, 2] [4, %n] [1, 2] : memref<?x?xf32> to memref<4x?xf32, strided<[?, 2], offset: ?>>
  %sv2 = memref.subview %b[1, 1] [2, 2] [1, 1] : memref<4x4xf32, 3> to memref<2x2xf32, strided<[4, 1], offset: 5>, 3>
  %cast = memref.cast %a : memref<?x8xf32> to memref<*xf32>
  %rc = memref.reinterpret_cast %a to offset: [0], sizes: [%n, 8], strides: [8, 1] : memref<?x8xf32> to memref<?x8xf32, strided<[8, 1]>>
  %buf = memref.alloc() : memref<2048xi8>
  %view = memref.view %buf[%c0][%n] : memref<2048xi8> to memref<?x4xf32>
  memref.copy %sv2, %sv2 : memref<2x2xf32, strided<[4, 1], offset: 5>, 3> to memref<2x2xf32, strided<[4, 1], offset: 5>, 3>
  %x = memref.atomic_rmw addf %f, %a[%c0, %c0] : (f32, memref<?x8xf32>) -> f32
  %y = memref.generic_atomic_rmw %a[%c0, %c1] : memref<?x8xf32> {
  ^bb0(%cur: f32):
    %s = arith.addf %cur, %f : f32
    memref.atomic_yield %s : f32
  }
  %exp = memref.expand_shape %b [[0, 1], [2]] output_shape [2, 2, 4] : memref<4x4xf32, 3> into memref<2x2x4xf32, 3>
  %col = memref.collapse_shape %exp [[0, 1, 2]] : memref<2x2x4xf32, 3> into memref<16xf32, 3>
  %dim = memref.dim %a, %c0 : memref<?x8xf32>
  %wg = memref.alloc() : memref<16xf32, #gpu.address_space<workgroup>>
  %tr = memref.transpose %src (i, j) -> (j, i) : memref<?x?xf32> to memref<?x?xf32, affine_map<(d0, d1)[s0] -> (d1 * s0 + d0)>>
  memref.dealloc %a : memref<?x8xf32>
  return
}
