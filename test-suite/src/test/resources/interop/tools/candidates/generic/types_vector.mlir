%0:7 = "t.vectors"() : () -> (vector<4xf32>, vector<[4]xf32>, vector<2x[4]xf32>, vector<[2]x[4]xi1>, vector<f32>, vector<1x2x3xindex>, vector<2xi1>)
%1:3 = "t.more"() : () -> (vector<4x[8]x2xbf16>, vector<1xi64>, vector<[1]xf64>)
