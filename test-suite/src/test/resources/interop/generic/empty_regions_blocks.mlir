"builtin.module"() ({
  "t.no_regions"() : () -> ()
  "t.empty_region"() ({
  }) : () -> ()
  "t.empty_regions"() ({
  }, {
  }, {
  }) : () -> ()
  "t.empty_block"() ({
  ^bb0:
  }) : () -> ()
  "t.empty_block_args"() ({
  ^bb0(%arg0: i32, %arg1: f32):
  }) : () -> ()
  "t.mixed"() ({
  }, {
  ^bb0:
  }, {
    "t.x"() : () -> ()
  }) : () -> ()
  %0 = "t.res"() ({
  }) : () -> i32
}) : () -> ()

