memref.global "private" constant @table : memref<4xi32> = dense<[1, 2, 3, 4]>
memref.global @buffer : memref<8xf32> = uninitialized
func.func @use_globals() -> i32 {
  %t = memref.get_global @table : memref<4xi32>
  %s = memref.alloca() : memref<2xi32, 1>
  %c2 = arith.constant 2 : index
  %v = memref.load %t[%c2] : memref<4xi32>
  return %v : i32
}
