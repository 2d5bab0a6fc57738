// cf dialect: unconditional/conditional branches with block arguments,
// switch with case operands, assert.
func.func @branches(%a: i32, %b: i32, %flag: i1) -> i32 {
  cf.cond_br %flag, ^then(%a : i32), ^else
^then(%x: i32):
  cf.br ^merge(%x, %b : i32, i32)
^else:
  cf.switch %a : i32, [
    default: ^merge(%a, %a : i32, i32),
    0: ^merge(%b, %b : i32, i32),
    42: ^exit
  ]
^merge(%p: i32, %q: i32):
  %s = arith.addi %p, %q : i32
  cf.assert %flag, "flag must hold"
  return %s : i32
^exit:
  %c = arith.constant 0 : i32
  return %c : i32
}

func.func @loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^header(%c0 : index)
^header(%i: index):
  %cond = arith.cmpi slt, %i, %n : index
  cf.cond_br %cond, ^body, ^done {branch_weights = array<i32: 90, 10>}
^body:
  %next = arith.addi %i, %c1 : index
  cf.br ^header(%next : index)
^done:
  return
}
