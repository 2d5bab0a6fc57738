// func dialect: declarations, visibility, argument/result attributes, calls.
func.func private @decl(i32, f32) -> i64
func.func private @multi() -> (i32, i32) attributes {llvm.emit_c_interface}
func.func nested @nested_vis()
func.func @with_arg_attrs(%arg0: memref<?xf32> {llvm.noalias, test.rank = 1 : i64}, %arg1: i32 {test.name = "n"}) -> (i32 {test.res}) {
  return %arg1 : i32
}
func.func @caller(%a: i32) -> i64 {
  %f = arith.sitofp %a : i32 to f32
  %r = call @decl(%a, %f) : (i32, f32) -> i64
  %p:2 = call @multi() : () -> (i32, i32)
  %fn = constant @decl : (i32, f32) -> i64
  %r2 = call_indirect %fn(%p#0, %f) : (i32, f32) -> i64
  %s = arith.addi %r, %r2 : i64
  return %s : i64
}
func.func @no_results() {
  return
}
func.func @sym_attrs() attributes {test.dict = {a = [1, 2], b = @caller}} {
  return
}
