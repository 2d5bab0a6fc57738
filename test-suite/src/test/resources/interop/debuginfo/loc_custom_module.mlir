
module @named {
  func.func @f(%arg0: i32 loc("f.c":1:10)) -> i32 {
    %0 = arith.addi %arg0, %arg0 : i32 loc("f.c":2:5)
    return %0 : i32
  } loc("f.c":1:1)
}
