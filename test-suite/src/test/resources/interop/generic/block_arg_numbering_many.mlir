"builtin.module"() ({
  "t.f"() ({
  ^bb0(%arg1: i1, %arg2: i2, %arg3: i3, %arg4: i4, %arg5: i5, %arg6: i6, %arg7: i7, %arg8: i8, %arg9: i9, %arg10: i10, %arg11: i11, %arg12: i12):
    "t.use"(%arg12, %arg11) : (i12, i11) -> ()
    "t.g"() ({
    ^bb0(%arg13: index, %arg14: index):
      "t.use"(%arg1, %arg14) : (i1, index) -> ()
    }) : () -> ()
  }) : () -> ()
  "t.h"() ({
  ^bb0(%arg0: f32):
    "t.use"(%arg0) : (f32) -> ()
  }) : () -> ()
}) : () -> ()

