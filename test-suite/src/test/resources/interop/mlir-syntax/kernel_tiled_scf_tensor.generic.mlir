"builtin.module"() ({
  "func.func"() <{function_type = (tensor<128xf32>, tensor<128xf32>) -> tensor<128xf32>, sym_name = "tiled_add"}> ({
  ^bb0(%arg0: tensor<128xf32>, %arg1: tensor<128xf32>):
    %0 = "arith.constant"() <{value = 0 : index}> : () -> index
    %1 = "arith.constant"() <{value = 32 : index}> : () -> index
    %2 = "arith.constant"() <{value = 128 : index}> : () -> index
    %3 = "tensor.empty"() : () -> tensor<128xf32>
    %4 = "scf.for"(%0, %2, %1, %3) ({
    ^bb0(%arg2: index, %arg3: tensor<128xf32>):
      %5 = "tensor.extract_slice"(%arg0, %arg2) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808>, static_sizes = array<i64: 32>, static_strides = array<i64: 1>}> : (tensor<128xf32>, index) -> tensor<32xf32>
      %6 = "tensor.extract_slice"(%arg1, %arg2) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808>, static_sizes = array<i64: 32>, static_strides = array<i64: 1>}> : (tensor<128xf32>, index) -> tensor<32xf32>
      %7 = "tensor.extract_slice"(%arg3, %arg2) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808>, static_sizes = array<i64: 32>, static_strides = array<i64: 1>}> : (tensor<128xf32>, index) -> tensor<32xf32>
      %8 = "linalg.add"(%5, %6, %7) <{operandSegmentSizes = array<i32: 2, 1>}> ({
      ^bb0(%arg4: f32, %arg5: f32, %arg6: f32):
        %10 = "arith.addf"(%arg4, %arg5) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
        "linalg.yield"(%10) : (f32) -> ()
      }) : (tensor<32xf32>, tensor<32xf32>, tensor<32xf32>) -> tensor<32xf32>
      %9 = "tensor.insert_slice"(%8, %arg3, %arg2) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808>, static_sizes = array<i64: 32>, static_strides = array<i64: 1>}> : (tensor<32xf32>, tensor<128xf32>, index) -> tensor<128xf32>
      "scf.yield"(%9) : (tensor<128xf32>) -> ()
    }) : (index, index, index, tensor<128xf32>) -> tensor<128xf32>
    "func.return"(%4) : (tensor<128xf32>) -> ()
  }) : () -> ()
}) : () -> ()

