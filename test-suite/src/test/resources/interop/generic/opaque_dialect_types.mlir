"builtin.module"() ({
  %0 = "t.o"() : () -> !foo.bar
  %1 = "t.o"() : () -> !foo<"bar">
  %2 = "t.o"() : () -> !foo.bar<i32, [1,2]>
  %3 = "t.o"() : () -> !foo.bar<   1,2  >
  %4 = "t.o"() : () -> !foo<"x y">
  %5 = "t.o"() : () -> !foo.a.b
  %6 = "t.o"() : () -> !foo<1x2>
  %7 = "t.o"() : () -> !foo<"">
  %8 = "t.o"() : () -> !foo<"bar\"">
  %9 = "t.o"() : () -> tensor<4x!foo.elem<"q">>
  %10 = "t.o"() : () -> !foo.bar<!foo.baz<i8>, "s", #foo.a>
  "t.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10) : (!foo.bar, !foo<"bar">, !foo.bar<i32, [1,2]>, !foo.bar<   1,2  >, !foo<"x y">, !foo.a.b, !foo<1x2>, !foo<"">, !foo<"bar\"">, tensor<4x!foo.elem<"q">>, !foo.bar<!foo.baz<i8>, "s", #foo.a>) -> ()
}) : () -> ()

