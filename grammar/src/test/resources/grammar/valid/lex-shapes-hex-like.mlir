"t.x"() {a = tensor<0xf32>, b = tensor<0xbf16>, c = tensor<0xf16>, d = tensor<0xf8E4M3FN>, e = tensor<0xcomplex<f32>>, f = tensor<0x1xf32>, g = vector<1x1xf32>, h = memref<0xf64>, i = memref<0x?xf32>, j = tensor<10x0xi8>} : () -> ()
"t.y"() {hex = 0xf32, hex2 = 0xbf16 : i32} : () -> ()
