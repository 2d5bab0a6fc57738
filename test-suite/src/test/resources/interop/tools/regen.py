#!/usr/bin/env python3
"""Regenerate the MLIR 22 interop corpus from the hand-written candidates.

Usage:  python3 regen.py [--check] [--mlir-opt PATH] [SECTION ...]
  SECTION is one of: generic, mlir-syntax, debuginfo (default: all three).
  --check  do not write anything; fail if any stored file differs from what
           mlir-opt produces now (useful to validate the corpus against a
           different MLIR build).

Layout (paths relative to the interop/ directory):
  tools/candidates/generic/NAME.mlir     -> generic/NAME.mlir
      stored = `mlir-opt --allow-unregistered-dialect --mlir-print-op-generic`
      of the candidate; the stored file must be a fixpoint of the same command.
  tools/candidates/mlir-syntax/NAME.mlir -> mlir-syntax/NAME.mlir (copied verbatim)
                                          + mlir-syntax/NAME.generic.mlir
      NAME.generic.mlir = `mlir-opt --mlir-print-op-generic NAME.mlir`;
      it must be a fixpoint of
      `mlir-opt --allow-unregistered-dialect --mlir-print-op-generic`.
  tools/candidates/debuginfo/NAME.mlir   -> debuginfo/NAME.mlir (copied verbatim)
                                          + debuginfo/NAME.out
      NAME.out = `mlir-opt --allow-unregistered-dialect --mlir-print-op-generic
      --mlir-print-debuginfo NAME.mlir`, run with the current directory set to
      debuginfo/ and the bare file name as argument (the implicit module's
      location is loc("NAME.mlir":0:0), so the spelling of the path matters).
      NAME.out is also checked to be a fixpoint of the same command.
                                          + debuginfo/NAME.local.out
      the same command plus --mlir-print-local-scope (no aliases at all,
      every location inline; output ends in a single newline).
Python 3 standard library only.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # .../interop
CAND = os.path.join(HERE, "candidates")
MLIR_OPT = os.environ.get("MLIR_OPT", "mlir-opt-22")

GENERIC = ["--allow-unregistered-dialect", "--mlir-print-op-generic"]
DEBUG = GENERIC + ["--mlir-print-debuginfo"]
LOCAL = DEBUG + ["--mlir-print-local-scope"]


def run(args, path, cwd=None):
    p = subprocess.run([MLIR_OPT] + args + [path], cwd=cwd,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RuntimeError("%s failed on %s:\n%s" % (MLIR_OPT, path,
                                                      p.stderr.decode()))
    return p.stdout


def run_text(args, data, name):
    """Run mlir-opt on `data` stored in a temp dir under file name `name`."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        return run(args, name, cwd=d)


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Writer:
    def __init__(self, check):
        self.check = check
        self.errors = []

    def put(self, path, data):
        if self.check:
            if not os.path.exists(path) or read(path) != data:
                self.errors.append("stale: " + os.path.relpath(path, ROOT))
            return
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not os.path.exists(path) or read(path) != data:
            with open(path, "wb") as f:
                f.write(data)


def names(section):
    d = os.path.join(CAND, section)
    return sorted(f[:-5] for f in os.listdir(d) if f.endswith(".mlir"))


def do_generic(w):
    n = 0
    for name in names("generic"):
        src = os.path.join(CAND, "generic", name + ".mlir")
        try:
            out = run(GENERIC, src)
        except RuntimeError as e:
            w.errors.append(str(e))
            continue
        again = run_text(GENERIC, out, name + ".mlir")
        if again != out:
            w.errors.append("not a fixpoint: generic/%s.mlir" % name)
            continue
        w.put(os.path.join(ROOT, "generic", name + ".mlir"), out)
        n += 1
    return n


def do_syntax(w):
    n = 0
    for name in names("mlir-syntax"):
        src = read(os.path.join(CAND, "mlir-syntax", name + ".mlir"))
        try:
            out = run_text(["--mlir-print-op-generic"], src, name + ".mlir")
        except RuntimeError as e:
            w.errors.append(str(e))
            continue
        again = run_text(GENERIC, out, name + ".generic.mlir")
        if again != out:
            w.errors.append("not a fixpoint: mlir-syntax/%s.generic.mlir" % name)
            continue
        w.put(os.path.join(ROOT, "mlir-syntax", name + ".mlir"), src)
        w.put(os.path.join(ROOT, "mlir-syntax", name + ".generic.mlir"), out)
        n += 1
    return n


def do_debuginfo(w):
    n = 0
    for name in names("debuginfo"):
        src = read(os.path.join(CAND, "debuginfo", name + ".mlir"))
        try:
            out = run_text(DEBUG, src, name + ".mlir")
        except RuntimeError as e:
            w.errors.append(str(e))
            continue
        again = run_text(DEBUG, out, name + ".mlir")
        if again != out:
            w.errors.append("not a fixpoint: debuginfo/%s.out" % name)
        w.put(os.path.join(ROOT, "debuginfo", name + ".mlir"), src)
        w.put(os.path.join(ROOT, "debuginfo", name + ".out"), out)
        local = run_text(LOCAL, src, name + ".mlir")
        w.put(os.path.join(ROOT, "debuginfo", name + ".local.out"), local)
        n += 1
    return n


def main(argv):
    global MLIR_OPT
    check = False
    sections = []
    it = iter(argv)
    for a in it:
        if a == "--check":
            check = True
        elif a == "--mlir-opt":
            MLIR_OPT = next(it)
        else:
            sections.append(a)
    sections = sections or ["generic", "mlir-syntax", "debuginfo"]
    w = Writer(check)
    fns = {"generic": do_generic, "mlir-syntax": do_syntax,
           "debuginfo": do_debuginfo}
    for s in sections:
        try:
            n = fns[s](w)
        except RuntimeError as e:
            print(e, file=sys.stderr)
            return 1
        print("%s: %d files" % (s, n))
    for e in w.errors:
        print(e, file=sys.stderr)
    return 1 if w.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
