func.func @abs(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %neg = arith.cmpi slt, %x, %c0 : i32
  cf.cond_br %neg, ^bb1, ^bb2(%x : i32)
^bb1:
  %n = arith.subi %c0, %x : i32
  cf.br ^bb2(%n : i32)
^bb2(%r: i32):
  return %r : i32
}
