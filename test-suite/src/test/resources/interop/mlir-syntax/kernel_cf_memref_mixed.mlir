func.func @find_first(%m: memref<?xi32>, %key: i32) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %m, %c0 : memref<?xi32>
  cf.br ^loop(%c0 : index)
^loop(%i: index):
  %inb = arith.cmpi ult, %i, %n : index
  cf.cond_br %inb, ^check(%i : index), ^notfound
^check(%j: index):
  %v = memref.load %m[%j] : memref<?xi32>
  %eq = arith.cmpi eq, %v, %key : i32
  %nx = arith.addi %j, %c1 : index
  cf.cond_br %eq, ^found(%j : index), ^loop(%nx : index)
^found(%r: index):
  return %r : index
^notfound:
  return %n : index
}
