"t.x"() {a = @foo, b = @"quoted", c = @a::@b::@c, d = @"x y"::@z, e = @_underscore, f = @foo.bar$baz, g = @a : : @b, h = [@x::@y]} : () -> ()
