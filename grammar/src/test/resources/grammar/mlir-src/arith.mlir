// arith dialect: constants of every builtin scalar kind, integer/float ops,
// comparisons, casts, overflow flags and fastmath.
func.func @scalars(%a: i32, %b: i32, %x: f32, %y: f32, %i: index) -> (i32, f32, i1) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant -1 : i64
  %c2 = arith.constant 42 : index
  %t = arith.constant true
  %f = arith.constant 1.5 : f32
  %h = arith.constant -0.0 : f16
  %bf = arith.constant 3.0 : bf16
  %d = arith.constant 0x7FF8000000000000 : f64
  %add = arith.addi %a, %b overflow<nsw, nuw> : i32
  %sub = arith.subi %a, %c0 : i32
  %mul = arith.muli %add, %sub overflow<nsw> : i32
  %div = arith.divsi %mul, %b : i32
  %rem = arith.remui %div, %b : i32
  %and = arith.andi %rem, %a : i32
  %sh = arith.shli %and, %b : i32
  %max = arith.maxsi %sh, %a : i32
  %fa = arith.addf %x, %y fastmath<fast> : f32
  %fm = arith.mulf %fa, %f fastmath<nnan, ninf> : f32
  %fd = arith.divf %fm, %y : f32
  %fn = arith.negf %fd : f32
  %fmax = arith.maximumf %fn, %x : f32
  %cmp = arith.cmpi slt, %max, %a : i32
  %fcmp = arith.cmpf oge, %fmax, %y : f32
  %both = arith.andi %cmp, %fcmp : i1
  %sel = arith.select %both, %max, %a : i32
  %ext = arith.extsi %sel : i32 to i64
  %tr = arith.trunci %ext : i64 to i16
  %ui = arith.extui %tr : i16 to i32
  %fp = arith.sitofp %ui : i32 to f64
  %fpt = arith.truncf %fp : f64 to f32
  %ic = arith.index_cast %i : index to i32
  %bc = arith.bitcast %x : f32 to i32
  %fin = arith.addi %ic, %bc : i32
  %res = arith.addi %fin, %sel : i32
  %out = arith.addf %fpt, %fmax : f32
  return %res, %out, %t : i32, f32, i1
}

func.func @vectors(%v: vector<4xf32>, %w: vector<[8]xi32>, %m: vector<4xi1>) -> vector<4xf32> {
  %cst = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
  %splat = arith.constant dense<7> : vector<[8]xi32>
  %z = arith.constant dense<0.0> : tensor<2x3xf32>
  %sum = arith.addf %v, %cst : vector<4xf32>
  %prod = arith.muli %w, %splat : vector<[8]xi32>
  %s = arith.select %m, %sum, %cst : vector<4xi1>, vector<4xf32>
  return %s : vector<4xf32>
}

func.func @tensors(%t: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %r = arith.mulf %t, %t : tensor<?x4xf32>
  return %r : tensor<?x4xf32>
}
