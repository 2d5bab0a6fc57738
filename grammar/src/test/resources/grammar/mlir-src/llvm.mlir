// llvm dialect: types with bodies (ptr, struct, array, func with varargs),
// globals, GEPs, calls, linkage/enum attributes.
llvm.mlir.global internal constant @str("hello\00") {addr_space = 0 : i32}
llvm.mlir.global external @counter(0 : i64) : i64
llvm.func @printf(!llvm.ptr, ...) -> i32
llvm.func @use(%p: !llvm.ptr, %s: !llvm.struct<(i32, f64, array<4 x i8>)>, %v: vector<4xf32>) -> i32 attributes {passthrough = ["nounwind"]} {
  %0 = llvm.mlir.constant(1 : i32) : i32
  %1 = llvm.mlir.addressof @str : !llvm.ptr
  %2 = llvm.getelementptr %1[0, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.array<6 x i8>
  %3 = llvm.call @printf(%2) vararg(!llvm.func<i32 (ptr, ...)>) : (!llvm.ptr) -> i32
  %4 = llvm.extractvalue %s[0] : !llvm.struct<(i32, f64, array<4 x i8>)>
  %5 = llvm.add %3, %4 overflow<nsw> : i32
  %6 = llvm.load %p {alignment = 4 : i64} : !llvm.ptr -> i32
  %7 = llvm.mlir.undef : !llvm.struct<"named", (i32, ptr)>
  %8 = llvm.alloca %0 x i32 : (i32) -> !llvm.ptr<5>
  %9 = llvm.icmp "slt" %5, %6 : i32
  llvm.cond_br %9, ^bb1, ^bb2(%6 : i32)
^bb1:
  llvm.return %5 : i32
^bb2(%a: i32):
  llvm.return %a : i32
}
