func.func @diamond(%c: i1, %a: i64, %b: i64) -> i64 {
  cf.cond_br %c, ^left, ^right {branch_weights = array<i32: 90, 10>}
^left:
  %x = arith.addi %a, %b : i64
  cf.br ^join(%x : i64)
^right:
  %y = arith.subi %a, %b : i64
  cf.br ^join(%y : i64)
^join(%r: i64):
  return %r : i64
}
