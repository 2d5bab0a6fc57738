func.func @with_attrs(%arg0: memref<?xf32> {t.noalias}, %arg1: i64 {t.align = 16 : i64}) -> (i64 {t.res}) attributes {t.kernel, t.level = 3 : i32} {
  return %arg1 : i64
}
func.func nested @nested_vis() {
  return
}
