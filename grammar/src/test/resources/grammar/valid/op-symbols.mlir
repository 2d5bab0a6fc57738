"t.module"() ({
  "t.func"() <{sym_name = "callee", function_type = () -> ()}> : () -> ()
  "t.call"() {callee = @callee} : () -> ()
  "t.call"() {callee = @"with space"} : () -> ()
  "t.call"() {callee = @outer::@inner} : () -> ()
  "t.call"() {callee = @a::@b::@c} : () -> ()
  "t.call"() {callee = @"q"::@"r s"::@t.u$v} : () -> ()
}) {sym_name = "m"} : () -> ()
