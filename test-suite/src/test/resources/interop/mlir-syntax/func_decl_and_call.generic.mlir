"builtin.module"() ({
  "func.func"() <{function_type = (f32) -> f32, sym_name = "ext", sym_visibility = "private"}> ({
  }) : () -> ()
  "func.func"() <{function_type = (f32) -> (f32, f32), sym_name = "caller"}> ({
  ^bb0(%arg0: f32):
    %0 = "func.call"(%arg0) <{callee = @ext}> : (f32) -> f32
    %1 = "func.call"(%0) <{callee = @ext}> : (f32) -> f32
    "func.return"(%0, %1) : (f32, f32) -> ()
  }) : () -> ()
}) : () -> ()

