package dev.dyad.rewrite;

import dev.dyad.ir.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LIFO worklist of ops with set semantics and cheap removal (removed entries become null
 * holes), like the greedy driver's worklist in MLIR.
 */
final class Worklist {
  private final List<Operation> list = new ArrayList<>();
  private final Map<Operation, Integer> positions = new IdentityHashMap<>();

  void clear() {
    list.clear();
    positions.clear();
  }

  boolean isEmpty() {
    return positions.isEmpty();
  }

  /** Adds {@code op} at the top unless it is already on the list. */
  void push(Operation op) {
    if (positions.containsKey(op)) {
      return;
    }
    positions.put(op, list.size());
    list.add(op);
  }

  Operation pop() {
    trimHoles();
    Operation op = list.remove(list.size() - 1);
    positions.remove(op);
    trimHoles();
    return op;
  }

  void remove(Operation op) {
    Integer at = positions.remove(op);
    if (at != null) {
      list.set(at, null);
    }
  }

  /** Reverses the order, so that what was pushed first is popped first. */
  void reverse() {
    Collections.reverse(list);
    positions.clear();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) != null) {
        positions.put(list.get(i), i);
      }
    }
  }

  private void trimHoles() {
    while (!list.isEmpty() && list.get(list.size() - 1) == null) {
      list.remove(list.size() - 1);
    }
  }
}
