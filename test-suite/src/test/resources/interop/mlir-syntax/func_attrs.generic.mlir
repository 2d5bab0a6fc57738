"builtin.module"() ({
  "func.func"() <{arg_attrs = [{t.noalias}, {t.align = 16 : i64}], function_type = (memref<?xf32>, i64) -> i64, res_attrs = [{t.res}], sym_name = "with_attrs"}> ({
  ^bb0(%arg0: memref<?xf32>, %arg1: i64):
    "func.return"(%arg1) : (i64) -> ()
  }) {t.kernel, t.level = 3 : i32} : () -> ()
  "func.func"() <{function_type = () -> (), sym_name = "nested_vis", sym_visibility = "nested"}> ({
    "func.return"() : () -> ()
  }) : () -> ()
}) : () -> ()

