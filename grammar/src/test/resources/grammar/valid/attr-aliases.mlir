#map = affine_map<(d0) -> (d0)>
#set = affine_set<(d0) : (d0 >= 0)>
#a = 5
#b = [#a, #map]
#0 = "numeric alias"
#x$y-z_w = {k = #a}
#dialect_alias = #t.attr<payload>
#loc_like = loc("f.mlir":1:1)
"t.x"() {m = #map, s = #set, b = #b, n = #0, w = #x$y-z_w, d = #dialect_alias} : () -> ()
