#first = 1
"t.a"() {x = #first} : () -> ()
!second = i64
#third = [#first]
"t.b"() {y = #third} : () -> !second
