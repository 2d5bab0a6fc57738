"builtin.module"() ({
  "t.float"() {a = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>, b = dense<[[1.000000e-01, 2.000000e-01], [3.000000e-01, 4.000000e-01]]> : tensor<2x2xf64>, c = dense<[0x7FC00000, 0x7F800000, 0xFF800000, -0.000000e+00]> : tensor<4xf32>, d = dense<[1.000000e+00, -0.000000e+00, 1.000980e-01]> : tensor<3xbf16>, e = dense<[6.550400e+04, 9.997550e-02]> : tensor<2xf16>, f = dense<[12345.678, 0x419D6F3454000000, 3.14159265358979]> : tensor<3xf64>, g = dense<[0x7E00, 0x7C00]> : tensor<2xf16>, h = dense<[1.500000e+00, 2.500000e+00]> : vector<2xf64>, i = dense<[[1.000000e+00, 2.000000e+00]]> : tensor<1x2xf16>} : () -> ()
}) : () -> ()

