#map = affine_map<(d0, d1)[s0, s1] -> (d0 + d1)>
#map1 = affine_map<(d0, d1)[s0, s1] -> (d0 - d1)>
#map2 = affine_map<(d0, d1)[s0, s1] -> (d0 * 2)>
#map3 = affine_map<(d0, d1)[s0, s1] -> (-d0)>
#map4 = affine_map<(d0, d1)[s0, s1] -> (-(d0 + 1))>
#map5 = affine_map<(d0, d1)[s0, s1] -> (d0 * -2 + 5)>
#map6 = affine_map<(d0, d1)[s0, s1] -> (-d0 + 5)>
#map7 = affine_map<(d0, d1)[s0, s1] -> (1)>
#map8 = affine_map<(d0, d1)[s0, s1] -> (d0 * s0)>
#map9 = affine_map<(d0, d1)[s0, s1] -> (d0 * 2 + d1 * 3 + s0)>
#map10 = affine_map<(d0, d1)[s0, s1] -> (d1 + s0 + d0)>
#map11 = affine_map<(d0, d1)[s0, s1] -> ((d0 + d1) floordiv 4)>
#map12 = affine_map<(d0, d1)[s0, s1] -> (d0)>
#map13 = affine_map<(d0, d1)[s0, s1] -> (0)>
#map14 = affine_map<(d0, d1)[s0, s1] -> ((d0 floordiv 2) mod 3)>
#map15 = affine_map<(d0, d1)[s0, s1] -> ((d0 mod 4) floordiv 2)>
#map16 = affine_map<(d0, d1)[s0, s1] -> (d0 ceildiv 3)>
#map17 = affine_map<(d0, d1)[s0, s1] -> ((d0 + s0) ceildiv s1)>
#map18 = affine_map<(d0, d1)[s0, s1] -> (d0 mod s0)>
#map19 = affine_map<(d0, d1)[s0, s1] -> (7)>
#map20 = affine_map<(d0, d1)[s0, s1] -> (-7)>
#map21 = affine_map<(d0, d1)[s0, s1] -> (2)>
#map22 = affine_map<(d0, d1)[s0, s1] -> (d0 - d1 * 2)>
#map23 = affine_map<(d0, d1)[s0, s1] -> (d0 - (d1 - 1))>
#map24 = affine_map<(d0, d1)[s0, s1] -> (-d1 + d0)>
#map25 = affine_map<(d0, d1)[s0, s1] -> ((d0 + 1) * 2)>
#map26 = affine_map<(d0, d1)[s0, s1] -> ((d0 floordiv 2) * 2)>
#map27 = affine_map<(d0, d1)[s0, s1] -> (-(d0 floordiv 2))>
#map28 = affine_map<(d0, d1)[s0, s1] -> (-(d0 mod 3))>
#map29 = affine_map<(d0, d1)[s0, s1] -> (d0 mod 4)>
#map30 = affine_map<(d0, d1)[s0, s1] -> (s1 - s0)>
#map31 = affine_map<(d0, d1)[s0, s1] -> (d1 floordiv -2)>
#map32 = affine_map<(d0, d1)[s0, s1] -> ((d0 * s0) mod 4)>
#map33 = affine_map<(d0, d1)[s0, s1] -> ((d0 - d1) mod 8)>
#map34 = affine_map<(d0, d1, d2) -> (d2, d0)>
#map35 = affine_map<(d0, d1) -> (d0, d1, d0 + d1, 0)>
#map36 = affine_map<()[s0, s1] -> (s1, s0)>
#set = affine_set<(d0, d1)[s0] : (d0 >= 0)>
#set1 = affine_set<(d0, d1)[s0] : (d0 - 1 >= 0)>
#set2 = affine_set<(d0, d1)[s0] : (-d0 + 10 >= 0)>
#set3 = affine_set<(d0, d1)[s0] : (d0 - s0 == 0)>
#set4 = affine_set<(d0, d1)[s0] : (d0 + d1 - 5 >= 0)>
#set5 = affine_set<(d0, d1)[s0] : (-d0 - 1 >= 0)>
#set6 = affine_set<(d0, d1)[s0] : (d0 mod 2 == 0)>
#set7 = affine_set<(d0, d1)[s0] : (0 >= 0)>
#set8 = affine_set<(d0, d1)[s0] : (1 == 0)>
#set9 = affine_set<(d0, d1)[s0] : (d0 * -2 + s0 >= 0, d1 >= 0, d0 - d1 == 0)>
"builtin.module"() ({
  "t.exprs"() {e00 = #map, e01 = #map, e02 = #map1, e03 = #map2, e04 = #map2, e05 = #map3, e06 = #map3, e07 = #map4, e08 = #map5, e09 = #map6, e10 = #map7, e11 = #map8, e12 = #map8, e13 = #map9, e14 = #map10, e15 = #map11, e16 = #map12, e17 = #map13, e18 = #map14, e19 = #map15, e20 = #map16, e21 = #map17, e22 = #map18, e23 = #map19, e24 = #map20, e25 = #map19, e26 = #map7, e27 = #map21, e28 = #map2, e29 = #map2, e30 = #map22, e31 = #map23, e32 = #map24, e33 = #map2, e34 = #map13, e35 = #map25, e36 = #map25, e37 = #map26, e38 = #map27, e39 = #map28, e40 = #map29, e41 = #map30, e42 = #map31, e43 = #map32, e44 = #map33, m_dims_only = #map34, m_multi = #map35, m_syms_only = #map36, s00 = #set, s01 = #set1, s02 = #set2, s03 = #set3, s04 = #set3, s05 = #set4, s06 = #set5, s07 = #set6, s08 = #set7, s09 = #set8, s10 = #set9} : () -> ()
}) : () -> ()

