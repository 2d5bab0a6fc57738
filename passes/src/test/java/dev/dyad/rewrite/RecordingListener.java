package dev.dyad.rewrite;

import dev.dyad.ir.Block;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import java.util.ArrayList;
import java.util.List;

/** Writes every notification down as {@code kind name}, checking the IR is consistent meanwhile. */
final class RecordingListener implements RewriterListener {
  final List<String> events = new ArrayList<>();

  @Override
  public void notifyOperationInserted(Operation op) {
    events.add("inserted " + op.getNameString());
  }

  @Override
  public void notifyOperationModified(Operation op) {
    events.add("modified " + op.getNameString());
  }

  @Override
  public void notifyOperationReplaced(Operation op, List<? extends Value> replacement) {
    // Replaced ops still have their uses when the listener hears about it.
    events.add("replaced " + op.getNameString() + (op.use_empty() ? " (no uses)" : ""));
  }

  @Override
  public void notifyOperationErased(Operation op) {
    if (!op.use_empty()) {
      throw new AssertionError("erased op " + op.getNameString() + " still has uses");
    }
    events.add("erased " + op.getNameString());
  }

  @Override
  public void notifyBlockInserted(Block block) {
    events.add("block inserted");
  }

  @Override
  public void notifyBlockErased(Block block) {
    events.add("block erased");
  }

  @Override
  public void notifyMatchFailure(Location loc, String reason) {
    events.add("failure " + reason);
  }
}
