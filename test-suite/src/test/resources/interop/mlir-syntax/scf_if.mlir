func.func @select_max(%a: i32, %b: i32) -> i32 {
  %cond = arith.cmpi sgt, %a, %b : i32
  %r = scf.if %cond -> (i32) {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  return %r : i32
}
func.func @side_effect(%c: i1, %m: memref<1xi32>) {
  %c0 = arith.constant 0 : index
  %c7 = arith.constant 7 : i32
  scf.if %c {
    memref.store %c7, %m[%c0] : memref<1xi32>
  }
  return
}
