"t.x"() {tensorx = 1, memref_like = 2, vectors = 3, i32x = 4, f32.x = 5, index2 = 6, x4xf32 = 7, dense_ = 8, loc2 = 9} : () -> ()
