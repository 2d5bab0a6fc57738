#!/usr/bin/env python3
"""Write the programmatically generated candidates (candidates/generic/auto_*.mlir).

These probe size thresholds (dense elements hex printing) and sweeps that are
tedious to write by hand.  Run before regen.py; output is deterministic.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "candidates", "generic")


def dense(vals, ty):
    return "dense<[" + ", ".join(vals) + "]> : " + ty


def write(name, text):
    with open(os.path.join(OUT, "auto_" + name + ".mlir"), "w") as f:
        f.write(text)


def op(name, attrs):
    body = ", ".join("%s = %s" % kv for kv in attrs)
    return '"t.%s"() {%s} : () -> ()\n' % (name, body)


def main():
    # Hex threshold: more than 100 elements -> dense<"0x...">, up to 100 -> list.
    ints100 = [str(i) for i in range(100)]
    ints101 = [str(i) for i in range(101)]
    text = op("i32_100", [("a", dense(ints100, "tensor<100xi32>"))])
    text += op("i32_101", [("a", dense(ints101, "tensor<101xi32>"))])
    text += op("i32_10x10", [("a", "dense<[" + ", ".join(
        "[" + ", ".join(str(r * 10 + c) for c in range(10)) + "]"
        for r in range(10)) + "]> : tensor<10x10xi32>")])
    text += op("i32_11x10", [("a", "dense<[" + ", ".join(
        "[" + ", ".join(str(r * 10 + c) for c in range(10)) + "]"
        for r in range(11)) + "]> : tensor<11x10xi32>")])
    text += op("splat_1000", [("a", "dense<7> : tensor<1000xi32>"),
                              ("b", "dense<1.5> : tensor<10x100xf32>"),
                              ("c", "dense<true> : tensor<1000xi1>")])
    write("dense_hex_threshold_int", text)

    text = op("i8_101", [("a", dense([str((i * 37) % 256 - 128) for i in range(101)], "tensor<101xi8>"))])
    text += op("i16_101", [("a", dense([str(i * 300 - 15000) for i in range(101)], "tensor<101xi16>"))])
    text += op("i64_101", [("a", dense([str(i * 1000000007) for i in range(101)], "tensor<101xi64>"))])
    text += op("index_101", [("a", dense([str(i) for i in range(101)], "tensor<101xindex>"))])
    text += op("ui8_101", [("a", dense([str(i + 100) for i in range(101)], "tensor<101xui8>"))])
    text += op("vector_101", [("a", dense([str(i) for i in range(101)], "vector<101xi32>"))])
    write("dense_hex_int_widths", text)

    text = op("f32_100", [("a", dense(["%d.5" % i for i in range(100)], "tensor<100xf32>"))])
    text += op("f32_101", [("a", dense(["%d.5" % i for i in range(101)], "tensor<101xf32>"))])
    text += op("f64_101", [("a", dense(["%d.25" % i for i in range(101)], "tensor<101xf64>"))])
    text += op("f16_101", [("a", dense(["%d.0" % i for i in range(101)], "tensor<101xf16>"))])
    text += op("bf16_101", [("a", dense(["%d.0" % i for i in range(101)], "tensor<101xbf16>"))])
    write("dense_hex_float", text)

    bools = lambda n: ["true" if i % 3 else "false" for i in range(n)]
    text = op("i1_100", [("a", dense(bools(100), "tensor<100xi1>"))])
    text += op("i1_101", [("a", dense(bools(101), "tensor<101xi1>"))])
    text += op("i1_128", [("a", dense(bools(128), "tensor<128xi1>"))])
    text += op("i1_8x16", [("a", "dense<[" + ", ".join(
        "[" + ", ".join("true" if (r + c) % 2 else "false" for c in range(16)) + "]"
        for r in range(8)) + "]> : tensor<8x16xi1>")])
    write("dense_hex_bool", text)

    text = op("complex_i32_101", [("a", "dense<[" + ", ".join("(%d, %d)" % (i, -i) for i in range(101)) + "]> : tensor<101xcomplex<i32>>")])
    text += op("complex_f32_51", [("a", "dense<[" + ", ".join("(%d.0, 1.0)" % i for i in range(51)) + "]> : tensor<51xcomplex<f32>>")])
    text += op("string_101", [("a", "dense<[" + ", ".join('"s%d"' % i for i in range(101)) + "]> : tensor<101x!t.str>")])
    write("dense_hex_complex_string", text)

    text = op("darray_200", [("i64", "array<i64: " + ", ".join(str(i) for i in range(200)) + ">"),
                             ("f32", "array<f32: " + ", ".join("%d.0" % i for i in range(120)) + ">"),
                             ("i1", "array<i1: " + ", ".join(bools(150)) + ">")])
    write("dense_array_large", text)

    # Integer sweep: the value -1 and the max unsigned value in each width.
    attrs = []
    for w in [1, 2, 3, 5, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 65, 127, 128, 129]:
        attrs.append(("m1_i%d" % w, "-1 : i%d" % w))
        attrs.append(("max_si%d" % w, "%d : si%d" % ((1 << (w - 1)) - 1, w)))
        attrs.append(("max_ui%d" % w, "%d : ui%d" % ((1 << w) - 1, w)))
        attrs.append(("min_si%d" % w, "%d : si%d" % (-(1 << (w - 1)), w)))
    write("int_width_sweep", op("sweep", attrs))

    # Float printing sweep: deterministic pseudo-random bit patterns, given
    # in hex so the exact value is known, plus decimal literals of interest.
    # Each element is printed either as %e-like "d.dddddde+XX" (when that
    # round-trips), as APFloat's shortest form (when it contains a '.'), or
    # as hex bits.  The arrays elide the element type (f64 in arrays only).
    import random
    rng = random.Random(22)
    for ty, bits in [("f16", 16), ("bf16", 16), ("f32", 32), ("f64", 64)]:
        lines = []
        for chunk in range(4):
            attrs = []
            for i in range(25):
                v = rng.getrandbits(bits)
                # avoid too many NaN/Inf patterns: clear top exponent bit
                # half of the time
                if i % 2:
                    v &= ~(1 << (bits - 2))
                attrs.append(("h%02d" % i, "0x%0*X : %s" % (bits // 4, v, ty)))
            lines.append(op("%s_bits_%d" % (ty, chunk), attrs))
        dec = ["1.0", "0.5", "0.25", "0.1", "0.2", "0.3", "1.1", "2.0e6", "1048576.0",
               "1234567.0", "1234567.5", "123456.0", "999999.0", "9999999.0",
               "0.1234567", "3.0e-5", "1.0e7", "65504.0", "100000.0", "1.0e-3",
               "6.103515625e-05", "33554432.0", "1.5e300", "7.0e-310", "2.0"]
        lines.append(op("%s_decimal" % ty, [("d%02d" % i, "%s : %s" % (d, ty)) for i, d in enumerate(dec)]))
        write("float_sweep_" + ty, "".join(lines))


if __name__ == "__main__":
    main()
