package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * One parsed check pattern: a fixed string or an LLVM-style regex with substitutions and captures.
 * The regex is kept in LLVM's own syntax (used for fuzzy-match hints) and translated for matching.
 */
final class Pattern {

    /** A string capture: {@code [[NAME:regex]]} defines NAME from group {@code group}. */
    record StringDef(String name, int group) {}

    /** A numeric capture: {@code [[#NAME:]]} defines NAME from group {@code group}. */
    record NumericDef(Variables.Numeric variable, NumericFormat format, int group) {}

    private static final int REGEX_CACHE_SIZE = 64;

    final Directive directive;
    final SourceText source;
    /** Offset of the pattern text in {@link #source}: where errors about this check point. */
    final int loc;
    /** Check-file line of the directive (for @LINE); null for --implicit-check-not patterns. */
    final Integer line;
    /** Non-null for patterns matched as plain substrings. */
    final String fixed;
    /** The regex in LLVM syntax before substitution; null for fixed patterns. */
    final String regex;
    final List<Substitution> substitutions;
    final List<StringDef> stringDefs;
    final List<NumericDef> numericDefs;
    final boolean ignoreCase;
    /** Precompiled form when there is nothing to substitute; null if the whole regex is invalid. */
    private final java.util.regex.Pattern compiled;
    private final Map<String, java.util.regex.Pattern> cache;

    Pattern(Directive directive, SourceText source, int loc, Integer line, String fixed, String regex,
            List<Substitution> substitutions, List<StringDef> stringDefs, List<NumericDef> numericDefs,
            boolean ignoreCase) {
        this.directive = directive;
        this.source = source;
        this.loc = loc;
        this.line = line;
        this.fixed = fixed;
        this.regex = regex;
        this.substitutions = List.copyOf(substitutions);
        this.stringDefs = List.copyOf(stringDefs);
        this.numericDefs = List.copyOf(numericDefs);
        this.ignoreCase = ignoreCase;
        this.compiled = regex != null && substitutions.isEmpty() ? compile(regex) : null;
        this.cache = substitutions.isEmpty() ? null : new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, java.util.regex.Pattern> eldest) {
                return size() > REGEX_CACHE_SIZE;
            }
        };
    }

    static Pattern eof(SourceText source, int loc) {
        return new Pattern(Directive.of(CheckKind.EOF), source, loc, null, null, null, List.of(), List.of(),
                List.of(), false);
    }

    CheckKind kind() {
        return directive.kind();
    }

    boolean hasVariable() {
        return !substitutions.isEmpty() || !stringDefs.isEmpty() || !numericDefs.isEmpty();
    }

    private java.util.regex.Pattern compile(String llvmRegex) {
        try {
            return PosixRegex.translate(llvmRegex, ignoreCase).compile(ignoreCase);
        } catch (PosixRegex.SyntaxError e) {
            // LLVM only validates the pieces; a regex that fails as a whole simply never matches.
            return null;
        }
    }

    /** Searches {@code [from, to)} of {@code input}; on success records captured variables. */
    MatchOutcome match(SourceText input, int from, int to, Variables vars) {
        if (kind() == CheckKind.EOF) {
            return new MatchOutcome.Found(to, 0);
        }
        if (fixed != null) {
            int at = TextSearch.indexOf(input.text(), fixed, from, to, ignoreCase);
            return at < 0 ? new MatchOutcome.NotFound() : new MatchOutcome.Found(at, fixed.length());
        }
        java.util.regex.Pattern javaPattern = compiled;
        if (!substitutions.isEmpty()) {
            StringBuilder withValues = new StringBuilder(regex);
            List<Located> errors = new java.util.ArrayList<>();
            int shift = 0;
            for (Substitution s : substitutions) {
                try {
                    String value = s.regexValue(vars, line);
                    withValues.insert(s.index() + shift, value);
                    shift += value.length();
                } catch (NumericExpr.EvalException e) {
                    errors.addAll(e.undefined);
                }
            }
            if (!errors.isEmpty()) {
                return new MatchOutcome.Invalid(errors);
            }
            javaPattern = cache.computeIfAbsent(withValues.toString(), this::compile);
        }
        if (javaPattern == null) {
            return new MatchOutcome.NotFound();
        }
        Matcher m = javaPattern.matcher(input.text());
        m.region(from, to);
        if (!m.find()) {
            return new MatchOutcome.NotFound();
        }
        List<MatchOutcome.Capture> captures = new java.util.ArrayList<>();
        for (StringDef def : stringDefs) {
            String value = m.group(def.group());
            vars.setString(def.name(), value == null ? "" : value);
            captures.add(capture(def.name(), m, def.group()));
        }
        for (NumericDef def : numericDefs) {
            String value = m.group(def.group());
            try {
                def.variable().value = def.format().parse(value == null ? "" : value);
            } catch (NumberFormatException e) {
                def.variable().value = BigInteger.ZERO;
            }
            captures.add(capture(def.variable().name, m, def.group()));
        }
        captures.sort(java.util.Comparator.comparingInt(MatchOutcome.Capture::start));
        // CHECK-EMPTY's regex consumes the newline that ends the previous line; its match starts after it.
        int skip = kind() == CheckKind.EMPTY ? 1 : 0;
        return new MatchOutcome.Found(m.start() + skip, m.end() - m.start() - skip, captures);
    }

    private static MatchOutcome.Capture capture(String name, Matcher m, int group) {
        int start = Math.max(m.start(group), m.start());
        int end = Math.max(m.end(group), start);
        return new MatchOutcome.Capture(name, start, end);
    }

    /** The text compared against the input when looking for a "possible intended match". */
    String exampleText() {
        return fixed != null ? fixed : regex;
    }
}
