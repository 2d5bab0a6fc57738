"t.x"() {a = distinct[0]<>, b = distinct[1]<42 : i64>, c = distinct[2]<"s">, d = distinct[3]<{k = 1}>, e = distinct[4]<#t.attr<x>>} : () -> ()
