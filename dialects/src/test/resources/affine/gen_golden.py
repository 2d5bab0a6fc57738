#!/usr/bin/env python3
"""Regenerates the affine golden files from mlir-opt (see README.md).

usage: python3 gen_golden.py [/usr/bin/mlir-opt-22]

Writes, next to this script:
  exprs-golden.tsv  hand-picked expressions: input <TAB> printed expression (or `error: <msg>`)
  exprs-random.tsv  random expression trees (fixed seed), same columns: uniform ones, ones with
                    large constants, and ones built around the shapes MLIR's rules match
  sets-golden.tsv   integer sets: input set <TAB> printed set
  maps-golden.tsv   whole maps (several results, other headers): input map <TAB> printed map

Every expression of the expression files is the single result of
`affine_map<(d0, d1, d2, d3)[s0, s1, s2, s3] -> (EXPR)>`.
"""

import random
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MLIR_OPT = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/mlir-opt-22"
HEADER = "(d0, d1, d2, d3)[s0, s1, s2, s3]"
FLAGS = ["--allow-unregistered-dialect", "--mlir-print-op-generic", "--mlir-print-local-scope"]

MAX = "9223372036854775807"
MIN = "(0 - 9223372036854775807 - 1)"  # -2^63 is not a literal the parser accepts

HAND = [
    # leaves and constant folding
    "d0", "s3", "0", "7", "-7", "- 7", "--7", "-0", "3 + 4", "3 - 4", "3 * -4", "-3 * -4",
    "7 floordiv 2", "-7 floordiv 2", "7 floordiv -2", "-7 floordiv -2", "7 ceildiv 2",
    "-7 ceildiv 2", "7 ceildiv -2", "-7 ceildiv -2", "7 mod 3", "-7 mod 3", "7 mod -3",
    "7 floordiv 0", "7 ceildiv 0", "7 mod 0", "0 floordiv 5", "0 mod 5", "6 ceildiv 3",
    # constant overflow: the folding of two constants is skipped, other folds wrap
    MAX, MAX + " + 1", "1 + " + MAX, MAX + " * 2", "2 * 4611686018427387904",
    "4611686018427387904 * 2", "4611686018427387904 * -2", MAX + " + 0 - 1", MIN, MIN + " - 1",
    "-" + MIN, MIN + " * -1", "-1 * " + MIN, MIN + " floordiv -1", MIN + " ceildiv -1",
    MIN + " mod 3", MIN + " floordiv 3", MIN + " ceildiv 3", MIN + " floordiv 2",
    "d0 + " + MAX + " + 1", "d0 * 4611686018427387904 * 2", "d0 * " + MAX + " + d0",
    "d0 * 4611686018427387904 + d0 * 4611686018427387904", MIN + " + d0 - 1",
    "(" + MAX + " + 1) + d0", "(" + MAX + " + 1) + s0", "s0 + (" + MAX + " + 1)",
    "(" + MAX + " + 1) + 2", "(" + MAX + " + 1) * 2", "(4611686018427387904 * 2) * 3",
    "(4611686018427387904 * 2) * s0", "s0 * (4611686018427387904 * 2)",
    "(4611686018427387904 * 2) * d0", "(4611686018427387904 * 2) floordiv 2",
    "(4611686018427387904 * 2) mod 3", "(d0 * 4611686018427387904) * (s0 * 4) mod 8",
    "d0 - " + MAX, "d0 + 9223372036854775808",
    # constants and symbolic terms move right
    "3 + d0", "s0 + d0", "s0 + 3", "3 + s0 + d0", "s0 + 5 + d0", "2 * d0", "s0 * d0",
    "2 * s0", "(s0 + 1) + d0", "(s0 * 2) * d0", "s1 + (d0 + d1)",
    # operand ordering of bare dims and symbols
    "d1 + d0", "s1 + s0", "d3 + d1", "d2 + d1 + d0", "d1 + d0 + d2", "d3 + d2 + d1 + d0",
    "s3 + s2 + s1 + s0", "s1 * s0", "s2 * s1 * s0", "s1 * s0 * 2", "(s1 * 2) * s0",
    "s1 * 3 * s0", "d1 + s0", "d0 + s1 + s0", "s1 * s0 + d0", "d1 + d0 * 2", "d1 * 2 + d0",
    "d1 mod 2 + d0", "d1 floordiv 2 + d0 floordiv 2", "(s1 + 1) * s0", "(s1 + 1) * (s0 + 1)",
    "d1 + d0 mod 2", "d1 + (d0 + d2)", "(d1 + 1) + d0",
    # zero and one
    "d0 + 0", "0 + d0", "d0 * 1", "1 * d0", "d0 * 0", "0 * s0", "d0 - 0", "d0 floordiv 1",
    "d0 ceildiv 1", "d0 mod 1", "(d0 * s0) mod 1", "(d0 + s0) floordiv 1",
    # merging constants and like terms
    "d0 + 1 + 2", "d0 + 1 - 1", "(d0 + 2) + d1", "(d0 + 2) + (d1 + 3)", "(d1 + 2) + (d0 + 3)",
    "d0 + 2 + d1 + 3", "d0 + d0", "d0 - d0", "d0 + d0 + d0", "d0 * 3 + d0", "d0 + d0 * 3",
    "d0 * 3 - d0 * 3", "d0 * 2 + d0 * 3", "d0 * 2 - d0 * 3", "d0 * 2 - d0 * 2 + 1",
    "d2 + d2", "d1 + d0 + d1", "d1 + d0 - d1", "d0 + d1 - d0", "(d0 + d1) + (d1 + d0)",
    "(d0 + d1) - (d0 + d1)", "d0 * s0 + d0 * s0", "d0 * s0 * 2 + d0 * s0",
    "s0 * d0 + d0 * s0", "(d0 floordiv 2) + (d0 floordiv 2)", "d0 mod 3 - d0 mod 3",
    # multiplication
    "d0 * 2 * 3", "2 * d0 * 3", "(d0 * 2) * (s1 * 3)", "d0 * 2 * s0", "d1 * s1 * s0",
    "(d0 + 2) * 3", "(d0 + 1) * 2", "2 * (d0 + 1)", "d0 * (s1 + 2)", "(d0 + s0) * s1",
    "s1 * (d0 + s0)", "d0 * (s0 * s1)", "(d0 * s0) * s1", "d0 * (s0 floordiv 2)",
    "(d0 floordiv 2) * 2", "d0 * -1", "d0 * -2 + 5", "-(d0 * 2)", "d0 * s0 * -1",
    # negation and subtraction
    "-d0", "-(d0 + 1)", "-(d0 + 2)", "-(-d0)", "- -d0", "-(d0 - 3)", "-d0 * 3", "-d0 + 5",
    "-(d0 floordiv 2)", "-(d0 mod 3)", "-(d0 floordiv 2) * 2", "d0 - d1", "d0 - d1 * 2",
    "d0 - (d1 - 1)", "-d1 + d0", "s1 - s0", "d0 - (d0 + 1)", "d0 - 3", "3 - d0",
    "d0 - -3", "d0 - (s0 + s1)", "d0 - s0 * s1", "d0 - (d1 floordiv 2) * 3",
    "d0 - (d1 + 1) * 2", "-(s0 * s1)", "-(d0 * s0)", "d0 - (d1 mod 4) * 4",
    # floordiv
    "d0 floordiv 2", "(d0 + d1) floordiv 4", "(d0 * 4) floordiv 2", "d0 * 4 floordiv 2",
    "(d0 * 4) floordiv 4", "(d0 * 4) floordiv 8", "(d0 * 3) floordiv 2",
    "(d0 * -4) floordiv 2", "(d0 * 4 + 3) floordiv 2", "(d0 * 2 + 4) floordiv 2",
    "(d0 * 2 + d1) floordiv 2", "(d1 + d0 * 2) floordiv 2", "(d0 + 5) floordiv 5",
    "(d0 * 5 + 5) floordiv 5", "(s0 * 6 + d0) floordiv 3", "(d0 + d1 * 4) floordiv 4",
    "(d0 mod 4 + d1 * 4) floordiv 4", "(d0 floordiv 2) floordiv 2", "d0 floordiv s0",
    "(d0 + s0) floordiv s1", "(d0 * s0) floordiv s0", "d0 floordiv (s0 + 1)",
    "d0 floordiv (s0 * 2)", "(d0 * s0 + d1) floordiv s0", "d0 floordiv 0", "(d0 * 4) floordiv 0",
    # negative divisors: floordiv and ceildiv simplify, mod does not
    "d0 floordiv -2", "d0 floordiv -1", "(d0 * 4) floordiv -2", "(d0 * 3) floordiv -1",
    "(d0 * 3) floordiv -2", "(d0 + d1) floordiv -1", "(d0 + 3) floordiv -1",
    "(d0 * 4 + 3) floordiv -2", "(d0 * 4 + d1 * 2) floordiv -2", "d0 ceildiv -2",
    "d0 ceildiv -1", "(d0 * 4) ceildiv -2", "(d0 * -4) ceildiv -2", "(d0 + d1) ceildiv -1",
    "(d0 * 3) ceildiv -1", "d0 mod -2", "(d0 * 4) mod -2", "(d0 * 4) mod 0",
    "(d0 * 0) floordiv -2", "0 floordiv -2",
    # ceildiv
    "d0 ceildiv 3", "(d0 + s0) ceildiv s1", "(d0 * 4) ceildiv 2", "(d0 * 4 + 3) ceildiv 2",
    "(d0 * 4 + 4) ceildiv 2", "(d0 ceildiv 2) ceildiv 2", "(d0 * 6) ceildiv 4",
    # mod
    "d0 mod 4", "d0 mod s0", "(d0 * 4) mod 2", "(d0 * 6) mod 4", "(d0 * -4) mod 2",
    "(d0 * 4 + 2) mod 4", "(d0 * 4 + d1) mod 2", "(d1 + d0 * 4) mod 2",
    "(d0 * 6 + d1 * 4) mod 2", "(d0 * 4 * s0) mod 8", "(d0 mod 6) mod 3", "(d0 mod 6) mod 4",
    "(d0 mod s0) mod 3", "(d0 mod 4) mod 4", "((d0 * 4) mod 8) mod 2", "(d0 * s0) mod 4",
    "(d0 - d1) mod 8", "(d0 floordiv 2) mod 3", "(d0 mod 4) floordiv 2", "s0 mod s0",
    "(d0 * s0) mod s0", "d0 mod (s0 * 2)", "((d0 * 4) floordiv s0) mod 2",
    # divisors known through quotients
    "(((d0 * 4) mod 8) floordiv 2) mod 2", "(((d0 * 4) mod 8) ceildiv 2) mod 2",
    "(((d0 * 4) mod 8) floordiv -2) mod 2", "(((d0 * 4) mod 8) floordiv 3) mod 2",
    "(((d0 * 8) mod 16) floordiv 2) mod 4", "(((d0 * 4) mod 8) floordiv 2) mod 4",
    # e - (e floordiv c) * c is e mod c
    "d0 - (d0 floordiv 4) * 4", "d0 + (d0 floordiv 4) * -4", "d0 - (d0 floordiv s0) * s0",
    "d0 + (d0 floordiv -4) * 4", "d0 + (d0 floordiv 4) * -8", "d0 + (d0 floordiv 4) * 4",
    "d0 + (d0 floordiv s0) * -s0", "d0 * 2 - (d0 floordiv 4) * 4",
    "d1 * 2 - ((d1 * 2) floordiv 4) * 4", "(d0 + 1) - ((d0 + 1) floordiv 4) * 4",
    "d0 - (d0 ceildiv 4) * 4", "d0 - ((d0 floordiv 4) * 4) * 2",
    "d0 + (d0 floordiv 4) * -4 * s0", "s0 - (s0 floordiv 8) * 8",
    "(d0 + d1) - (d1 floordiv 4) * 4", "(d0 + d1) + (d1 floordiv 4) * -4",
    "(s0 + s1) + (s1 floordiv 4) * -4", "(s1 + s0) + (s1 floordiv 4) * -4",
    "(d0 + d1) - (d0 floordiv 4) * 4", "(d0 + d1 + d2) - (d2 floordiv 4) * 4",
    "(d0 + d1 + 3) - (d1 floordiv 4) * 4", "(d0 + d1) + (d1 floordiv 4) * -4 + 1",
    "(d0 + d1 * 2) - ((d1 * 2) floordiv 4) * 4", "(d0 + 1) + d1 - (d1 floordiv 4) * 4",
    "(d0 + d1) + (d1 floordiv -4) * 4", "(d0 + d1) - (d1 floordiv s0) * s0",
    "(d0 + d1) + (d1 floordiv 4) * -8", "(d0 + d1) + (d1 ceildiv 4) * -4",
    "(d0 * 2 + d1) + (d1 floordiv 4) * -4", "(d1 + d0 * 2) + (d1 floordiv 4) * -4",
    # (e1 + e2) + (x floordiv q) * k is e1 + (e2 + ...) whenever e2 + ... simplifies at all
    "(d1 + s0) - (d0 floordiv 2) * 2", "(d1 + s0) + (d0 floordiv 2) * 2",
    "(d0 + (s0 + 1)) - (d0 floordiv 2) * 2", "(d1 + s0) - d0 floordiv 2",
    "(d1 + s0) + (d0 floordiv s1) * -2", "(d1 + s0) + (d0 floordiv -2) * 2",
    "(d1 + s0) + (d0 floordiv 0) * -2", "(d1 + s0) + (d0 floordiv 2) * s1",
    "(d1 + s0) + (d0 ceildiv 2) * -2", "(d1 + s0) + (d0 mod 2) * -2",
    "(d1 + s0) + (d0 floordiv 2 + 3)", "(d1 + s0) - (d0 floordiv 2) * s1",
    "(d0 + s0) - ((d0 + s0) floordiv 4) * 4", "(d0 + d1 + s0) + (d0 floordiv 2) * -2",
    "(d0 + s0 + d1) + (d0 floordiv 2) * -2", "(d0 + (d1 + s0)) - (d0 floordiv 2) * 2",
    "(d0 floordiv 2 + (d1 - 7)) - ((d1 - 7) floordiv 8) * 8",
    "(d0 + d1 - (d0 floordiv 4) * 4) - ((d1 - (d0 floordiv 4) * 4) floordiv 8) * 8",
    "(d0 + (d1 - (d0 floordiv 4) * 4)) - ((d1 - (d0 floordiv 4) * 4) floordiv 8) * 8",
    "(d0 + (s0 + 1)) + d1", "(d1 + s0) + (s1 floordiv 2) * -2",
    # mod of mod
    "(d0 mod -4) mod 2", "(d0 mod 0) mod 2", "((d0 * 4) mod -8) mod 2", "(d0 mod 8) mod -4",
    "(d0 mod 12) mod 8", "(d0 mod 12) mod 6", "((d0 mod 12) mod 6) mod 3",
    # MLIR 22 also turns these into a mod (it does not check the kind of the right operand)
    "d0 + ((d0 floordiv s0) * s0 - 1)", "d0 + ((d0 floordiv 4) * 4 - 1)",
    "d0 + ((d0 floordiv 4) * 4) * -1", "d0 + (d0 floordiv 4 - 4)",
    # printing: parentheses and subtraction forms
    "(d0 + d1) * 2", "(d0 + d1) floordiv (s0 + s1)", "((d0 + d1) mod 4) * s0",
    "d0 + (d1 + d2)", "d0 + (d1 * 2 + d2)", "d0 - (d1 + d2)", "d0 - (d1 + d2) * 2",
    "d0 - (d1 floordiv 2)", "d0 - (d1 * s0)", "d0 + (d1 floordiv 4) * (s0 * -4)",
    "(d0 + d1) + (d1 floordiv s0) * -s0", "d0 floordiv 2 * 3", "(d0 floordiv 2) * -3",
    "d0 * 2 floordiv 3", "d0 floordiv 2 floordiv 3", "d0 mod 2 mod 3",
    "-(d0 + 1) + d1", "d1 - (d0 + 1)", "-(d0 - d1)", "d0 + -1", "d0 + -1 * d1",
    "d0 + s0 * -1", "s0 * -2 + d0 * 3", "d0 * (s0 * -1)",
    # errors the parser reports
    "d0 * d1", "d0 floordiv d1", "d0 ceildiv (d1 + 1)", "d0 mod d1", "(d0 + s0) * (d1 + 1)",
    "9223372036854775808",
]

SETS = [
    "(d0) : ()", "(d0, d1)[s0] : ()", "() : ()", "()[s0] : ()",
    "(d0) : (d0 >= 0)", "(d0) : (d0 >= 1)", "(d0) : (d0 <= 10)", "(d0) : (10 >= d0)",
    "(d0)[s0] : (d0 == s0)", "(d0)[s0] : (s0 == d0)", "(d0)[s0] : (d0 <= s0)",
    "(d0)[s0] : (d0 >= s0)", "(d0)[s0] : (d0 <= s0, d0 >= 1, d0 * 2 == s0 + 1)",
    "(d0) : (0 >= 1)", "(d0) : (1 == 0)", "(d0) : (0 == 0)", "(d0) : (d0 >= d0)",
    "(d0) : (d0 + 1 <= 5 - d0)", "(d0, d1) : (d1 >= d0, d1 <= d0, d1 == d0)",
    "(d0, d1) : (d0 + d1 >= 5)", "(d0) : (-d0 - 1 >= 0)", "(d0) : (d0 mod 2 == 0)",
    "(d0) : (d0 mod 2 == 1)", "(d0) : (d0 floordiv 2 >= 3)", "(d0)[s0] : (d0 * s0 >= 0)",
    "(d0)[s0] : (d0 <= s0 - 1)", "(d0)[s0] : (d0 - 1 >= 0, s0 - d0 - 1 >= 0)",
    "(d0, d1)[s0] : (d0 - s0 == 0, d1 >= 0, 10 - d1 >= 0)", "(d0, d1) : (d0 * 2 <= d1 * 3)",
    "(d0, d1)[s0, s1] : (s1 + s0 >= d1 + d0)", "(d0) : (d0 <= 0)", "(d0) : (d0 == 0)",
    "(d0) : (-d0 >= -5)", "(d0) : (d0 - (d0 floordiv 4) * 4 == 0)",
    "(i, j)[N] : (i >= 0, N - 1 >= i, j == i + 1)",
    # printed forms from test-suite/.../interop/generic/affine_{exprs,sets}.mlir: fixed points
    "(d0, d1)[s0] : (d0 >= 0)", "(d0, d1)[s0] : (d0 - 1 >= 0)", "(d0, d1)[s0] : (-d0 + 10 >= 0)",
    "(d0, d1)[s0] : (d0 - s0 == 0)", "(d0, d1)[s0] : (d0 + d1 - 5 >= 0)",
    "(d0, d1)[s0] : (-d0 - 1 >= 0)", "(d0, d1)[s0] : (d0 mod 2 == 0)", "(d0, d1)[s0] : (0 >= 0)",
    "(d0, d1)[s0] : (1 == 0)", "(d0, d1)[s0] : (d0 * -2 + s0 >= 0, d1 >= 0, d0 - d1 == 0)",
    "(d0) : (d0 >= 0)", "(d0, d1)[s0] : (d0 - s0 == 0, d1 >= 0, -d1 + 10 >= 0)",
    "()[s0] : (s0 >= 0)", "(d0) : (d0 mod 2 == 0)", "(d0)[s0] : (d0 - 1 >= 0, -d0 + s0 - 1 >= 0)",
    "(d0) : (1 == 0)",
]

MAPS = [
    "(d0, d1, d2) -> (d2, d0)", "(d0, d1) -> (d0, d1, d0 + d1, 0)", "()[s0, s1] -> (s1, s0)",
    "() -> ()", "(d0) -> ()", "() -> (0)", "()[s0] -> (s0 * 2 + 1)", "(d0) -> (d0)",
    "(d0, d1) -> (d1 + d0, d1 - d0, d0 floordiv 2, d1 mod 3)",
    "(i, j)[M, N] -> (i + j * M, N - i, (i + 1) floordiv N)",
    "(d0, d1)[s0] -> (d1 + s0 + d0, d0 * 3 + d1 * 3)",
    # printed forms from test-suite/.../interop/generic/affine_{exprs,sets}.mlir: fixed points
    "(d0, d1)[s0, s1] -> (d0 + d1)", "(d0, d1)[s0, s1] -> (d0 - d1)",
    "(d0, d1)[s0, s1] -> (d0 * 2)", "(d0, d1)[s0, s1] -> (-d0)", "(d0, d1)[s0, s1] -> (-(d0 + 1))",
    "(d0, d1)[s0, s1] -> (d0 * -2 + 5)", "(d0, d1)[s0, s1] -> (-d0 + 5)",
    "(d0, d1)[s0, s1] -> (1)", "(d0, d1)[s0, s1] -> (d0 * s0)",
    "(d0, d1)[s0, s1] -> (d0 * 2 + d1 * 3 + s0)", "(d0, d1)[s0, s1] -> (d1 + s0 + d0)",
    "(d0, d1)[s0, s1] -> ((d0 + d1) floordiv 4)", "(d0, d1)[s0, s1] -> (d0)",
    "(d0, d1)[s0, s1] -> (0)", "(d0, d1)[s0, s1] -> ((d0 floordiv 2) mod 3)",
    "(d0, d1)[s0, s1] -> ((d0 mod 4) floordiv 2)", "(d0, d1)[s0, s1] -> (d0 ceildiv 3)",
    "(d0, d1)[s0, s1] -> ((d0 + s0) ceildiv s1)", "(d0, d1)[s0, s1] -> (d0 mod s0)",
    "(d0, d1)[s0, s1] -> (7)", "(d0, d1)[s0, s1] -> (-7)", "(d0, d1)[s0, s1] -> (2)",
    "(d0, d1)[s0, s1] -> (d0 - d1 * 2)", "(d0, d1)[s0, s1] -> (d0 - (d1 - 1))",
    "(d0, d1)[s0, s1] -> (-d1 + d0)", "(d0, d1)[s0, s1] -> ((d0 + 1) * 2)",
    "(d0, d1)[s0, s1] -> ((d0 floordiv 2) * 2)", "(d0, d1)[s0, s1] -> (-(d0 floordiv 2))",
    "(d0, d1)[s0, s1] -> (-(d0 mod 3))", "(d0, d1)[s0, s1] -> (d0 mod 4)",
    "(d0, d1)[s0, s1] -> (s1 - s0)", "(d0, d1)[s0, s1] -> (d1 floordiv -2)",
    "(d0, d1)[s0, s1] -> ((d0 * s0) mod 4)", "(d0, d1)[s0, s1] -> ((d0 - d1) mod 8)",
    "(d0, d1, d2) -> (d2, d0)", "(d0, d1) -> (d0, d1, d0 + d1, 0)", "()[s0, s1] -> (s1, s0)",
]


def run(text):
    """Runs mlir-opt on `text`; returns (stdout, stderr, returncode)."""
    p = subprocess.run([MLIR_OPT] + FLAGS, input=text, capture_output=True, text=True)
    return p.stdout, p.stderr, p.returncode


def first_error(stderr):
    m = re.search(r"error: (.*)", stderr)
    return "error: " + m.group(1).strip() if m else None


def print_attrs(kind, header_and_bodies):
    """Prints `kind<body>` for each body, one op each; returns the printed bodies (None where the
    input does not parse, or crashes mlir-opt)."""
    lines = ['"t.op"() {a = %s<%s>} : () -> ()' % (kind, b) for b in header_and_bodies]
    out, err, rc = run("\n".join(lines) + "\n")
    pat = re.compile(r"%s<(.*)>\}" % kind)
    if rc == 0:
        got = [pat.search(l).group(1) for l in out.splitlines() if '"t.op"' in l]
        assert len(got) == len(lines), (len(got), len(lines))
        return got
    if len(lines) == 1:
        return [first_error(err) or "crash"]
    mid = len(header_and_bodies) // 2
    return print_attrs(kind, header_and_bodies[:mid]) + print_attrs(kind, header_and_bodies[mid:])


def exprs_of(exprs):
    got = print_attrs("affine_map", ["%s -> (%s)" % (HEADER, e) for e in exprs])
    result = []
    for g in got:
        if g.startswith("error: ") or g == "crash":
            result.append(g)
        else:
            prefix = HEADER + " -> ("
            assert g.startswith(prefix) and g.endswith(")"), g
            result.append(g[len(prefix):-1])
    return result


# ------------------------------------------------------------------------------------------------
# Random expressions. Trees are built as (text, has_dim); operators that MLIR rejects as
# non-affine are avoided, so every random row parses.
# ------------------------------------------------------------------------------------------------


def random_exprs(rng, count, big_constants):
    def const():
        if big_constants and rng.random() < 0.25:
            return str(rng.choice([2**31, 2**32 - 1, 2**40, 2**62, 2**63 - 1, 3 * 2**61]))
        return str(rng.choice([0, 1, 1, 2, 2, 3, 4, 4, 5, 6, 8, 16, 7, 12, 64]))

    def leaf():
        r = rng.random()
        if r < 0.45:
            return "d%d" % rng.randrange(4), True
        if r < 0.75:
            return "s%d" % rng.randrange(4), False
        return const(), False

    def paren(e):
        return "(" + e + ")"

    def gen(depth):
        if depth == 0 or rng.random() < 0.2:
            return leaf()
        op = rng.choice(["+", "+", "-", "-", "*", "*", "*", "floordiv", "ceildiv", "mod",
                         "mod", "floordiv", "neg"])
        if op == "neg":
            e, dim = gen(depth - 1)
            return "-" + paren(e), dim
        lhs, ldim = gen(depth - 1)
        rhs, rdim = gen(depth - 1)
        if op == "*" and ldim and rdim:
            rhs, rdim = (const(), False) if rng.random() < 0.7 else ("s%d" % rng.randrange(4), False)
        if op in ("floordiv", "ceildiv", "mod") and rdim:
            rhs, rdim = const(), False
            if rng.random() < 0.15:
                rhs = "-" + rhs
        if op in ("floordiv", "ceildiv", "mod") and rng.random() < 0.7:
            # Mostly constant divisors: those are the ones MLIR simplifies.
            rhs, rdim = rng.choice(["2", "3", "4", "8", "1", "6", "16"]), False
        return paren(lhs) + " " + op + " " + paren(rhs), ldim or rdim

    def strip(e):
        # Drop the parentheses around leaves so the text is not all parentheses.
        return re.sub(r"\((-?[ds]?\d+)\)", r"\1", e)

    out = []
    seen = set()
    while len(out) < count:
        e = strip(gen(rng.randint(1, 5))[0])
        if e not in seen and len(e) < 400:
            seen.add(e)
            out.append(e)
    return out


def pattern_exprs(rng, count):
    """Random trees seeded with the shapes MLIR's rules look for: like terms, e - (e floordiv c)
    * c, sums whose last term recurs, shared subtrees."""
    pool = []

    def p(e):
        return "(" + e + ")"

    def leaf():
        r = rng.random()
        if r < 0.4:
            return "d%d" % rng.randrange(3), True
        if r < 0.7:
            return "s%d" % rng.randrange(3), False
        if r < 0.8 and pool:
            return rng.choice(pool)
        if r < 0.85:
            return str(rng.choice([2**62, 2**63 - 1, 3 * 2**61, 2**32])), False
        return str(rng.choice([0, 1, 2, 3, 4, -1, -2, -4, 8, -8])), False

    def gen(d):
        if d == 0 or rng.random() < 0.2:
            return leaf()
        op = rng.choice(["+", "-", "*", "floordiv", "ceildiv", "mod", "neg", "modpat",
                         "modpat2", "like"])
        if op == "neg":
            e, dim = gen(d - 1)
            return "-" + p(e), dim
        if op == "modpat":
            e, dim = gen(d - 1)
            c = rng.choice(["2", "4", "s0", "s1", "3"])
            m = rng.choice([c, "2"] + (["-" + c] if c[0] != "s" else []))
            return p(e) + " " + rng.choice(["-", "+"]) + " " + p(p(e) + " floordiv " + c) + " * " + m, dim
        if op == "modpat2":
            (e1, d1), (e2, d2) = gen(d - 1), gen(d - 1)
            c = rng.choice(["2", "4", "8"])
            return p(p(e1) + " + " + p(e2)) + " - " + p(p(e2) + " floordiv " + c) + " * " + c, d1 or d2
        if op == "like":
            e, dim = gen(d - 1)
            return (p(e) + " * " + rng.choice(["2", "3", "-1", "s0"]) + " + " + p(e) + " * "
                    + rng.choice(["2", "-2", "-3", "1"]), dim)
        (lhs, ldim), (rhs, rdim) = gen(d - 1), gen(d - 1)
        if op == "*" and ldim and rdim:
            rhs, rdim = rng.choice(["2", "-3", "s0", "s2"]), False
        if op in ("floordiv", "ceildiv", "mod") and (rdim or rng.random() < 0.6):
            rhs, rdim = rng.choice(["2", "3", "4", "-2", "-4", "1", "-1", "0", "8", "s0"]), False
        e = p(lhs) + " " + op + " " + p(rhs)
        if rng.random() < 0.3:
            pool.append((e, ldim or rdim))
        return e, ldim or rdim

    out, seen = [], set()
    while len(out) < count:
        e = re.sub(r"\((-?[ds]?\d+)\)", r"\1", gen(rng.randint(1, 4))[0])
        if e not in seen and len(e) < 400:
            seen.add(e)
            out.append(e)
    return out


def write_tsv(name, comment, rows):
    with open(HERE / name, "w") as f:
        f.write("# " + comment + "\n# Generated by gen_golden.py from " + MLIR_OPT + "; do not edit.\n")
        for a, b in rows:
            assert "\t" not in a and "\t" not in b
            f.write(a + "\t" + b + "\n")


def main():
    version = run_version()
    hand = list(dict.fromkeys(HAND))
    write_tsv("exprs-golden.tsv",
              "input expression over %s <TAB> printed by %s" % (HEADER, version),
              [r for r in zip(hand, exprs_of(hand)) if r[1] != "crash"])

    rng = random.Random(20240522)
    rand = (random_exprs(rng, 300, False) + random_exprs(rng, 100, True)
            + pattern_exprs(rng, 200))
    rows = [r for r in zip(rand, exprs_of(rand)) if r[1] != "crash"]
    assert not any(r[1].startswith("error") for r in rows), [r for r in rows if "error" in r[1]]
    write_tsv("exprs-random.tsv",
              "random input expression over %s <TAB> printed by %s" % (HEADER, version), rows)

    sets = list(dict.fromkeys(SETS))
    write_tsv("sets-golden.tsv", "input integer set <TAB> printed by " + version,
              list(zip(sets, print_attrs("affine_set", sets))))
    maps = list(dict.fromkeys(MAPS))
    write_tsv("maps-golden.tsv", "input affine map <TAB> printed by " + version,
              list(zip(maps, print_attrs("affine_map", maps))))


def run_version():
    p = subprocess.run([MLIR_OPT, "--version"], capture_output=True, text=True)
    m = re.search(r"LLVM version (\S+)", p.stdout)
    return "mlir-opt " + (m.group(1) if m else "?")


if __name__ == "__main__":
    main()
