func.func @count(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^header(%c0, %c0 : index, index)
^header(%i: index, %acc: index):
  %done = arith.cmpi sge, %i, %n : index
  cf.cond_br %done, ^exit, ^body
^body:
  %acc1 = arith.addi %acc, %i : index
  %i1 = arith.addi %i, %c1 : index
  cf.br ^header(%i1, %acc1 : index, index)
^exit:
  return %acc : index
}
