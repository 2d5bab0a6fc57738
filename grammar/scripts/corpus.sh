#!/usr/bin/env bash
# Maintains the grammar test corpus under src/test/resources/grammar with MLIR's
# reference tool (mlir-opt-22 by default; override with MLIR_OPT=...).
#
#   scripts/corpus.sh regen    regenerate valid/gen-*.cir from mlir-src/*.mlir
#   scripts/corpus.sh verify   check that mlir-opt accepts every valid/ file and
#                              rejects every invalid/ file
#
# The JUnit tests do not need mlir-opt; CirMlirOptCrossCheckTest runs the same
# check as `verify` when mlir-opt is installed.
set -euo pipefail
cd "$(dirname "$0")/../src/test/resources/grammar"
MLIR_OPT=${MLIR_OPT:-mlir-opt-22}
OPT=("$MLIR_OPT" --allow-unregistered-dialect --mlir-print-op-generic)

gen() { # gen OUTPUT INPUT [extra mlir-opt flags...]
  local out=$1 in=$2
  shift 2
  "${OPT[@]}" "$@" "mlir-src/$in.mlir" -o "valid/$out.cir"
  echo "valid/$out.cir"
}

regen() {
  rm -f valid/gen-*.cir
  for src in mlir-src/*.mlir; do
    name=$(basename "$src" .mlir)
    gen "gen-$name" "$name"
    gen "gen-$name-debuginfo" "$name" --mlir-print-debuginfo
  done
  # Inline (alias-free) printing of locations, maps and sets.
  for name in affine linalg scf memref tensor; do
    gen "gen-$name-local-scope" "$name" --mlir-print-debuginfo --mlir-print-local-scope
  done
  # Elements attributes printed as hex blobs / elided.
  gen gen-resources-hex resources --mlir-print-elementsattrs-with-hex-if-larger=1
  gen gen-arith-hex arith --mlir-print-elementsattrs-with-hex-if-larger=1
  # Output of lowering pipelines: more types, attributes and block structure.
  gen gen-affine-to-cf affine --lower-affine --convert-scf-to-cf --mlir-print-debuginfo
  gen gen-affine-lowered affine --lower-affine
  gen gen-linalg-to-loops linalg --one-shot-bufferize=bufferize-function-boundaries --convert-linalg-to-loops
  gen gen-memref-expanded memref --expand-strided-metadata
  gen gen-cf-to-llvm cf --convert-to-llvm --mlir-print-debuginfo
  gen gen-arith-to-llvm arith --convert-to-llvm
  gen gen-linalg-to-llvm linalg --one-shot-bufferize=bufferize-function-boundaries --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --finalize-memref-to-llvm --convert-to-llvm --reconcile-unrealized-casts --mlir-print-debuginfo
  gen gen-canonicalized-tensor tensor --canonicalize --cse
}

verify() {
  local bad=0
  for f in valid/*; do
    if ! "${OPT[@]}" "$f" >/dev/null 2>/tmp/corpus-verify.err; then
      echo "REJECTED (expected valid): $f"; head -3 /tmp/corpus-verify.err; bad=1
    fi
  done
  for f in invalid/*; do
    if "${OPT[@]}" "$f" >/dev/null 2>&1; then
      echo "ACCEPTED (expected invalid): $f"; bad=1
    fi
  done
  echo "valid: $(ls valid | wc -l) files, invalid: $(ls invalid | wc -l) files"
  return $bad
}

case "${1:-}" in
  regen) regen ;;
  verify) verify ;;
  *) echo "usage: $0 regen|verify" >&2; exit 2 ;;
esac
