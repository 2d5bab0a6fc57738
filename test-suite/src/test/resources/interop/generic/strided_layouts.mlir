"builtin.module"() ({
  "t.strided"() {a = strided<[4, 1]>, b = strided<[4, 1]>, c = strided<[?, 1], offset: ?>, d = strided<[1, 4], offset: 5>, e = strided<[]>, f = strided<[], offset: 3>, g = strided<[?, ?, ?]>} : () -> ()
  %0 = "t.m"() : () -> memref<4x4xf32, strided<[4, 1]>>
  %1 = "t.m"() : () -> memref<4x4xf32, strided<[4, 1]>>
  %2 = "t.m"() : () -> memref<2x?xf32, strided<[?, ?], offset: ?>>
  %3 = "t.m"() : () -> memref<4xf32, strided<[1]>, 1>
  %4 = "t.m"() : () -> memref<4xf32, strided<[2], offset: 1>, "shared">
}) : () -> ()

