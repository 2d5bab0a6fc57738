package dev.dyad.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * FileCheck's command-line options as a value. Empty prefix lists mean the defaults
 * ({@code CHECK}; comments {@code COM} and {@code RUN}). Use {@link #defaults()} and the {@code with*} methods.
 *
 * @param checkPrefixes        --check-prefix / --check-prefixes, in order
 * @param commentPrefixes      --comment-prefixes
 * @param implicitCheckNot     --implicit-check-not patterns
 * @param defines              -D definitions, each "NAME=VALUE" or "#NAME=EXPR"
 * @param inputName            name of the input in diagnostics ("&lt;stdin&gt;" or the --input-file path)
 * @param allowEmpty           --allow-empty
 * @param matchFullLines       --match-full-lines
 * @param strictWhitespace     --strict-whitespace
 * @param ignoreCase           --ignore-case
 * @param enableVarScope       --enable-var-scope
 * @param allowUnusedPrefixes  --allow-unused-prefixes
 * @param allowDagOverlap      --allow-deprecated-dag-overlap
 */
public record FileCheckOptions(
    List<String> checkPrefixes,
    List<String> commentPrefixes,
    List<String> implicitCheckNot,
    List<String> defines,
    String inputName,
    boolean allowEmpty,
    boolean matchFullLines,
    boolean strictWhitespace,
    boolean ignoreCase,
    boolean enableVarScope,
    boolean allowUnusedPrefixes,
    boolean allowDagOverlap) {

  public FileCheckOptions {
    checkPrefixes = List.copyOf(checkPrefixes);
    commentPrefixes = List.copyOf(commentPrefixes);
    implicitCheckNot = List.copyOf(implicitCheckNot);
    defines = List.copyOf(defines);
  }

  public static FileCheckOptions defaults() {
    return new FileCheckOptions(List.of(), List.of(), List.of(), List.of(), "<stdin>",
        false, false, false, false, false, false, false);
  }

  /** Adds prefixes, as repeated --check-prefix / --check-prefixes do. */
  public FileCheckOptions withCheckPrefixes(String... prefixes) {
    return new FileCheckOptions(append(checkPrefixes, prefixes), commentPrefixes, implicitCheckNot, defines,
        inputName, allowEmpty, matchFullLines, strictWhitespace, ignoreCase, enableVarScope,
        allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withCommentPrefixes(String... prefixes) {
    return new FileCheckOptions(checkPrefixes, append(commentPrefixes, prefixes), implicitCheckNot, defines,
        inputName, allowEmpty, matchFullLines, strictWhitespace, ignoreCase, enableVarScope,
        allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withImplicitCheckNot(String... patterns) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, append(implicitCheckNot, patterns), defines,
        inputName, allowEmpty, matchFullLines, strictWhitespace, ignoreCase, enableVarScope,
        allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withDefines(String... definitions) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, append(defines, definitions),
        inputName, allowEmpty, matchFullLines, strictWhitespace, ignoreCase, enableVarScope,
        allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withInputName(String name) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, name, allowEmpty,
        matchFullLines, strictWhitespace, ignoreCase, enableVarScope, allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withAllowEmpty(boolean on) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, inputName, on,
        matchFullLines, strictWhitespace, ignoreCase, enableVarScope, allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withMatchFullLines(boolean on) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, inputName, allowEmpty,
        on, strictWhitespace, ignoreCase, enableVarScope, allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withStrictWhitespace(boolean on) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, inputName, allowEmpty,
        matchFullLines, on, ignoreCase, enableVarScope, allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withIgnoreCase(boolean on) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, inputName, allowEmpty,
        matchFullLines, strictWhitespace, on, enableVarScope, allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withEnableVarScope(boolean on) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, inputName, allowEmpty,
        matchFullLines, strictWhitespace, ignoreCase, on, allowUnusedPrefixes, allowDagOverlap);
  }

  public FileCheckOptions withAllowUnusedPrefixes(boolean on) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, inputName, allowEmpty,
        matchFullLines, strictWhitespace, ignoreCase, enableVarScope, on, allowDagOverlap);
  }

  public FileCheckOptions withAllowDagOverlap(boolean on) {
    return new FileCheckOptions(checkPrefixes, commentPrefixes, implicitCheckNot, defines, inputName, allowEmpty,
        matchFullLines, strictWhitespace, ignoreCase, enableVarScope, allowUnusedPrefixes, on);
  }

  /** The prefixes in effect: the given ones, or CHECK. */
  List<String> effectiveCheckPrefixes() {
    return checkPrefixes.isEmpty() ? List.of("CHECK") : checkPrefixes;
  }

  List<String> effectiveCommentPrefixes() {
    return commentPrefixes.isEmpty() ? List.of("COM", "RUN") : commentPrefixes;
  }

  private static List<String> append(List<String> base, String[] more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all;
  }
}
