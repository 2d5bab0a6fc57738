package dev.dyad.pass;

import dev.dyad.ir.Block;
import dev.dyad.ir.BlockArgument;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import java.util.Objects;

/**
 * A cheap summary of an op and everything nested in it, for {@code --print-ir-after-change}:
 * equal before and after a pass means the pass (almost certainly) changed nothing. Like MLIR's
 * {@code OperationFingerPrint} it mixes identities (ops, blocks, operand values) with contents
 * (names, attributes, properties, types, locations), so a pass that replaces an op by an
 * identical new one counts as a change.
 */
final class OperationFingerprint {
  private long hash = 0xcbf29ce484222325L;

  private OperationFingerprint() {}

  static long of(Operation op) {
    OperationFingerprint f = new OperationFingerprint();
    op.walkPreOrder(f::add);
    return f.hash;
  }

  private void add(Operation op) {
    mix(System.identityHashCode(op));
    mix(op.getNameString().hashCode());
    mix(Objects.hashCode(op.getProperties()));
    mix(Objects.hashCode(op.getAttrDictionary()));
    mix(op.getLoc().hashCode());
    for (Value v : op.getOperands()) {
      mix(System.identityHashCode(v));
    }
    mix(op.getResultTypes().hashCode());
    for (Block s : op.getSuccessors()) {
      mix(System.identityHashCode(s));
    }
    for (Region r : op.getRegions()) {
      mix(0x5eed);
      for (Block b : r.getBlocks()) {
        mix(System.identityHashCode(b));
        for (BlockArgument a : b.getArguments()) {
          mix(a.getType().hashCode());
        }
        mix(b.size());
      }
    }
  }

  private void mix(int v) {
    // FNV-1a over the four bytes, then a multiply-xorshift to spread them.
    for (int i = 0; i < 4; i++) {
      hash ^= (v >>> (8 * i)) & 0xff;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 29;
  }
}
