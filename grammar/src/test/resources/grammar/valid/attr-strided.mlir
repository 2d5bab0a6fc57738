"t.x"() {a = strided<[1, ?], offset: ?>, b = strided<[]>, c = strided<[4, 1]>, d = strided<[-1, 2], offset: -3>, e = strided<[?]>, f = strided<[], offset: 0>} : () -> ()
