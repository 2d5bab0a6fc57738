"t.x"() {a = {}, b = {x = 1, y = "s"}, c = {"quoted key" = 2, unitkey}, d = {nested = {deeper = {deepest = true}}}} : () -> ()
