package dev.dyad.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads MLIR's textual pass pipelines, {@code builtin.module(func.func(cse),canonicalize{max-iterations=5})},
 * with MLIR's messages, but with carets into the whole text. Hand-written rather than generated
 * because the lexical rules are MLIR's ad hoc ones: names end only at {@code ,(){} and are
 * trimmed, option text is an opaque brace-balanced blob, and each mistake has its own message.
 *
 * <p>Three steps, as in MLIR: the text becomes a tree of elements; every name must be a
 * registered pass or pipeline (or, before a parenthesis, an op name); then passes are created,
 * their options parsed, and added.
 */
public final class PipelineParser {
  static final String WRAP_ERROR =
      "expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'";
  private static final String NAME_END = ",(){";

  /** One pipeline element: {@code name}, {@code name{options}} or {@code name(elements)}. */
  private record Element(String name, int nameOffset, String options, int optionsOffset, List<Element> nested) {}

  private final String text;
  private final PassRegistry registry;

  private PipelineParser(String text, PassRegistry registry) {
    this.text = text;
    this.registry = registry;
  }

  /** Parses {@code anchor(elements)}. */
  public static OpPassManager parse(String text, PassRegistry registry) throws PipelineException {
    int start = 0;
    int end = text.length();
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int open = text.indexOf('(', start);
    if (open <= start || open >= end || text.charAt(end - 1) != ')') {
      throw new PipelineException(WRAP_ERROR, start);
    }
    OpPassManager pm = new OpPassManager(text.substring(start, open).strip());
    new PipelineParser(text, registry).parseInto(pm, open + 1, end - 1);
    return pm;
  }

  /** Parses elements without the anchor ({@code cse,canonicalize}) into {@code pm}. */
  public static void parseInto(OpPassManager pm, String text, PassRegistry registry) throws PipelineException {
    new PipelineParser(text, registry).parseInto(pm, 0, text.length());
  }

  private void parseInto(OpPassManager pm, int from, int to) throws PipelineException {
    if (from == to) {
      return;
    }
    List<Element> elements = new ArrayList<>();
    int end = parseElements(from, to, false, elements);
    if (end != to) {
      throw new IllegalStateException("pipeline parser stopped early");
    }
    checkNames(elements);
    build(pm, elements);
  }

  /** Parses a comma-separated list from {@code pos}; returns where it stopped (end or ')'). */
  private int parseElements(int pos, int to, boolean nested, List<Element> out) throws PipelineException {
    while (true) {
      int nameStart = pos;
      while (pos < to && NAME_END.indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      String raw = text.substring(nameStart, pos);
      String name = raw.strip();
      int nameOffset = nameStart + leadingSpaces(raw);
      String options = null;
      int optionsOffset = -1;
      List<Element> inner = null;
      if (pos < to && text.charAt(pos) == '{') {
        int close = closingBrace(pos, to);
        if (close < 0) {
          throw new PipelineException("missing closing '}' while processing pass options", pos);
        }
        options = text.substring(pos + 1, close);
        optionsOffset = pos + 1;
        pos = close + 1;
      } else if (pos < to && text.charAt(pos) == '(') {
        int open = pos;
        inner = new ArrayList<>();
        pos = parseElements(pos + 1, to, true, inner);
        if (pos >= to || text.charAt(pos) != ')') {
          throw new PipelineException("encountered unbalanced parentheses while parsing pipeline", open);
        }
        pos++;
      }
      out.add(new Element(name, nameOffset, options, optionsOffset, inner));
      while (pos < to && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos >= to) {
        return pos;
      }
      char c = text.charAt(pos);
      if (c == ',') {
        pos++;
      } else if (c == ')') {
        if (nested) {
          return pos;
        }
        throw new PipelineException(
            "encountered extra closing ')' creating unbalanced parentheses while parsing pipeline", pos);
      } else {
        throw new PipelineException("expected ',' after parsing pipeline", pos);
      }
    }
  }

  private static int leadingSpaces(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The '}' matching the '{' at {@code open}, or -1. */
  private int closingBrace(int open, int to) {
    int depth = 0;
    for (int i = open; i < to; i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private void checkNames(List<Element> elements) throws PipelineException {
    for (Element e : elements) {
      if (e.nested() != null) {
        checkNames(e.nested());
      } else if (!registry.contains(e.name())) {
        throw new PipelineException(
            "'" + e.name() + "' does not refer to a registered pass or pass pipeline", e.nameOffset());
      }
    }
  }

  private void build(OpPassManager pm, List<Element> elements) throws PipelineException {
    for (Element e : elements) {
      if (e.nested() != null) {
        // MLIR reads a nameless nested pipeline, "(cse)", as op-agnostic.
        build(pm.nest(e.name().isEmpty() ? Pass.ANY : e.name()), e.nested());
        continue;
      }
      Pass pass = registry.createPass(e.name());
      if (pass != null) {
        parseOptions(e, pass.options());
        String mismatch = pm.anchorMismatch(pass);
        if (mismatch != null) {
          throw new PipelineException(mismatch, e.nameOffset());
        }
        pm.addPass(pass);
        continue;
      }
      PassPipeline pipeline = registry.createPipeline(e.name());
      parseOptions(e, pipeline.options());
      try {
        pipeline.build(pm, registry);
      } catch (PipelineException inner) {
        throw new PipelineException(
            "failed to expand pipeline '" + e.name() + "': " + inner.getMessage(), e.nameOffset());
      }
    }
  }

  private void parseOptions(Element e, PassOptions options) throws PipelineException {
    if (e.options() == null) {
      return;
    }
    try {
      options.parse(e.options(), e.optionsOffset());
    } catch (PipelineException error) {
      throw error.withNote("failed to add `" + e.name() + "` with options `" + e.options() + "`", e.nameOffset());
    }
  }
}
