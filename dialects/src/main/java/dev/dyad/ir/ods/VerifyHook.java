package dev.dyad.ir.ods;

import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Operation;

/** A custom verification rule of an op definition; it reports failures through the emitter. */
@FunctionalInterface
public interface VerifyHook {
  void verify(Operation op, DiagnosticEmitter emitter);
}
