package dev.dyad.filecheck;

/** A directive's kind plus its modifiers: the -COUNT-n repeat count and the {LITERAL} flag. */
record Directive(CheckKind kind, int count, boolean literal) {

  static Directive of(CheckKind kind) {
    return new Directive(kind, 1, false);
  }

  Directive withLiteral() {
    return new Directive(kind, count, true);
  }

  /** The name FileCheck uses in messages, e.g. "CHECK-NEXT", "CHECK-COUNT", "implicit EOF". */
  String describe(String prefix) {
    if (kind == CheckKind.EOF) {
      return "implicit EOF";
    }
    if (kind == CheckKind.COMMENT) {
      return prefix;
    }
    String name = prefix + (kind == CheckKind.PLAIN && count > 1 ? "-COUNT" : kind.suffix);
    return literal ? name + "{LITERAL}" : name;
  }
}
