func.func @arith(%a: i32, %b: i32, %x: f32, %y: f32) -> (i32, f32, i1, i64, f64) {
  %0 = arith.addi %a, %b : i32
  %1 = arith.muli %0, %b overflow<nsw> : i32
  %2 = arith.subi %1, %a overflow<nsw, nuw> : i32
  %3 = arith.divsi %2, %b : i32
  %4 = arith.remui %3, %a : i32
  %5 = arith.andi %4, %a : i32
  %6 = arith.shli %5, %b : i32
  %7 = arith.addf %x, %y : f32
  %8 = arith.mulf %7, %y fastmath<fast> : f32
  %9 = arith.divf %8, %x fastmath<nnan,ninf> : f32
  %10 = arith.negf %9 : f32
  %11 = arith.cmpi slt, %6, %a : i32
  %12 = arith.cmpf oge, %10, %x : f32
  %13 = arith.andi %11, %12 : i1
  %14 = arith.extsi %6 : i32 to i64
  %15 = arith.extf %10 : f32 to f64
  %16 = arith.select %13, %6, %a : i32
  %17 = arith.maxnumf %10, %y : f32
  return %16, %17, %13, %14, %15 : i32, f32, i1, i64, f64
}
