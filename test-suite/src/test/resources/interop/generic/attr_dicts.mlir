"builtin.module"() ({
  "t.dicts"() {empty = {}, nested = {outer = {inner = {deepest = {leaf = "x"}}}}, one = {a = 1 : i64}, sorted = {"9" = 7 : i64, B = 5 : i64, _u = 6 : i64, "b c" = 4 : i64, x = 3 : i64, y = 2 : i64, z = 1 : i64}, with_array = {arr = [1, 2], d = {}}, with_unit = {flag}} : () -> ()
  "t.sorting"() {"!" = 11 : i64, "$" = 13 : i64, "0" = 14 : i64, A = 9 : i64, Z = 10 : i64, a = 2 : i64, "a b" = 16 : i64, a$b = 8 : i64, "a-b" = 6 : i64, a.b = 7 : i64, a0 = 5 : i64, a_ = 4 : i64, aa = 3 : i64, b = 1 : i64, "~" = 12 : i64, "\C3\A9" = 15 : i64} : () -> ()
}) : () -> ()

