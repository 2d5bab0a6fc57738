package dev.dyad.ir.ods;

import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;

/**
 * A trait that brings its own checks (a dialect's op interface, say). Structural traits run
 * before the declared constraints, the others after them; region checks run once nested ops have
 * verified.
 */
public interface CheckedTrait extends Trait {
  default boolean structural() {
    return false;
  }

  default void verify(Operation op, DiagnosticEmitter emitter) {}

  default void verifyRegions(Operation op, DiagnosticEmitter emitter) {}
}
