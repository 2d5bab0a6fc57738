package dev.dyad.filecheck;

/** The kinds of directive FileCheck knows; EOF is the synthetic check that carries trailing NOT/DAGs. */
enum CheckKind {
  PLAIN(""), NEXT("-NEXT"), SAME("-SAME"), NOT("-NOT"), DAG("-DAG"), LABEL("-LABEL"), EMPTY("-EMPTY"),
  COMMENT(""), EOF("");

  /** What follows the prefix when the directive is named in a message. */
  final String suffix;

  CheckKind(String suffix) {
    this.suffix = suffix;
  }
}
