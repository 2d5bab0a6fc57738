package dev.dyad.filecheck;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Translates the regex dialect of LLVM's {@code Regex} (BSD regcomp, POSIX ERE with REG_NEWLINE and
 * {@code \1}-{@code \9} back-references) to {@code java.util.regex}, rejecting what regcomp rejects.
 */
final class PosixRegex {

  /** A syntax error, carrying regerror(3)'s text so diagnostics read like LLVM's. */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The Java form of an ERE and the number of capturing groups it has (same numbering as POSIX).
   * {@code ambiguous} marks regexes where Java's first match may be shorter than POSIX's longest one
   * (alternation, optional or bounded parts, quantified groups); {@code newlines} those that can match '\n'.
   */
  record Translation(String javaRegex, int groupCount, boolean ambiguous, boolean newlines) {
    Pattern compile(boolean ignoreCase) {
      int flags = Pattern.MULTILINE | Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
      return Pattern.compile(javaRegex, flags);
    }
  }

  static final String EMPTY = "empty (sub)expression";
  static final String BADRPT = "repetition-operator operand invalid";
  static final String EPAREN = "parentheses not balanced";
  static final String EBRACK = "brackets ([ ]) not balanced";
  static final String EBRACE = "braces not balanced";
  static final String BADBR = "invalid repetition count(s)";
  static final String ERANGE = "invalid character range";
  static final String ECTYPE = "invalid character class";
  static final String ECOLLATE = "invalid collating element";
  static final String EESCAPE = "trailing backslash (\\)";
  static final String ESUBREG = "invalid backreference number";

  private static final int DUP_MAX = 255;
  private static final String METACHARS = "()^$|*+?.[]\\{}";

  private final String re;
  private final boolean ignoreCase;
  private final StringBuilder out = new StringBuilder();
  private int pos;
  private int groups;
  private final BitSet closedGroups = new BitSet();
  private boolean ambiguous;
  private boolean newlines;

  private PosixRegex(String re, boolean ignoreCase) {
    this.re = re;
    this.ignoreCase = ignoreCase;
  }

  static Translation translate(String ere, boolean ignoreCase) throws SyntaxError {
    PosixRegex p = new PosixRegex(ere, ignoreCase);
    p.parseAlternation(-1);
    if (p.more()) {
      throw new SyntaxError(EPAREN);
    }
    return new Translation(p.out.toString(), p.groups, p.ambiguous, p.newlines);
  }

  /** Escapes every ERE metacharacter, as LLVM's {@code Regex::escape} does. */
  static String escape(String literal) {
    StringBuilder sb = new StringBuilder(literal.length() + 8);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (METACHARS.indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private boolean more() {
    return pos < re.length();
  }

  private boolean more2() {
    return pos + 1 < re.length();
  }

  private char peek() {
    return re.charAt(pos);
  }

  private char peek2() {
    return re.charAt(pos + 1);
  }

  private boolean eat(char c) {
    if (more() && peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean seeTwo(char a, char b) {
    return more2() && peek() == a && peek2() == b;
  }

  private boolean eatTwo(char a, char b) {
    if (seeTwo(a, b)) {
      pos += 2;
      return true;
    }
    return false;
  }

  private static void require(boolean condition, String error) throws SyntaxError {
    if (!condition) {
      throw new SyntaxError(error);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code stop} is ')' inside a group and -1 at top level. */
  private void parseAlternation(int stop) throws SyntaxError {
    while (true) {
      boolean empty = true;
      while (more() && peek() != '|' && peek() != stop) {
        parseExpression();
        empty = false;
      }
      require(!empty, EMPTY);
      if (!eat('|')) {
        return;
      }
      ambiguous = true;
      out.append('|');
    }
  }

  private void parseExpression() throws SyntaxError {
    char c = re.charAt(pos++);
    boolean wasCaret = false;
    boolean isGroup = c == '(';
    switch (c) {
      case '(' -> {
        require(more(), EPAREN);
        int group = ++groups;
        out.append('(');
        if (!(more() && peek() == ')')) {
          parseAlternation(')');
        }
        require(eat(')'), EPAREN);
        closedGroups.set(group);
        out.append(')');
      }
      case ')' -> throw new SyntaxError(EPAREN);
      case '^' -> {
        // Java's MULTILINE '^' refuses to match after a final newline; POSIX's does not.
        out.append("(?:^|(?<=\\n))");
        wasCaret = true;
      }
      case '$' -> out.append("(?:$)");
      case '|' -> throw new SyntaxError(EMPTY);
      case '*', '+', '?' -> throw new SyntaxError(BADRPT);
      case '.' -> out.append('.');
      case '[' -> parseBracket();
      case '\\' -> {
        require(more(), EESCAPE);
        char e = re.charAt(pos++);
        if (e >= '1' && e <= '9') {
          require(closedGroups.get(e - '0'), ESUBREG);
          out.append("(?:\\").append(e).append(')');
        } else {
          appendLiteral(out, e);
        }
      }
      case '{' -> {
        require(!more() || !isDigit(peek()), BADRPT);
        appendLiteral(out, c);
      }
      default -> {
        newlines |= c == '\n';
        appendLiteral(out, c);
      }
    }
    parseRepetition(wasCaret, isGroup);
  }

  private void parseRepetition(boolean wasCaret, boolean group) throws SyntaxError {
    if (!startsRepetition()) {
      return;
    }
    char c = re.charAt(pos++);
    require(!wasCaret, BADRPT);
    ambiguous |= group || c == '?' || c == '{';
    if (c != '{') {
      out.append(c);
    } else {
      int min = parseCount();
      int max = min;
      boolean unbounded = false;
      if (eat(',')) {
        if (more() && isDigit(peek())) {
          max = parseCount();
          require(min <= max, BADBR);
        } else {
          unbounded = true;
        }
      }
      if (!eat('}')) {
        while (more() && peek() != '}') {
          pos++;
        }
        require(more(), EBRACE);
        throw new SyntaxError(BADBR);
      }
      out.append('{').append(min);
      if (unbounded) {
        out.append(',');
      } else if (max != min) {
        out.append(',').append(max);
      }
      out.append('}');
    }
    require(!startsRepetition(), BADRPT);
  }

  private boolean startsRepetition() {
    if (!more()) {
      return false;
    }
    char c = peek();
    return c == '*' || c == '+' || c == '?' || (c == '{' && more2() && isDigit(peek2()));
  }

  private int parseCount() throws SyntaxError {
    int count = 0;
    int digits = 0;
    while (more() && isDigit(peek()) && count <= DUP_MAX) {
      count = count * 10 + (re.charAt(pos++) - '0');
      digits++;
    }
    require(digits > 0 && count <= DUP_MAX, BADBR);
    return count;
  }

  private void parseBracket() throws SyntaxError {
    if (re.startsWith("[:<:]]", pos)) {
      pos += 6;
      out.append("(?:\\b(?=\\w))");
      return;
    }
    if (re.startsWith("[:>:]]", pos)) {
      pos += 6;
      out.append("(?:\\b(?<=\\w))");
      return;
    }
    BitSet set = new BitSet(256);
    boolean invert = eat('^');
    if (eat(']')) {
      set.set(']');
    } else if (eat('-')) {
      set.set('-');
    }
    while (more() && peek() != ']' && !seeTwo('-', ']')) {
      parseBracketTerm(set);
    }
    if (eat('-')) {
      set.set('-');
    }
    require(eat(']'), EBRACK);
    if (ignoreCase) {
      for (int i = 'a'; i <= 'z'; i++) {
        int upper = i - 'a' + 'A';
        if (set.get(i) || set.get(upper)) {
          set.set(i);
          set.set(upper);
        }
      }
    }
    if (invert) {
      set.flip(0, 256);
      set.clear('\n');
    }
    newlines |= set.get('\n');
    appendClass(set);
  }

  private void parseBracketTerm(BitSet set) throws SyntaxError {
    char c = peek();
    char next = 0;
    if (c == '[') {
      next = more2() ? peek2() : 0;
    } else if (c == '-') {
      throw new SyntaxError(ERANGE);
    }
    if (next == ':') {
      pos += 2;
      require(more(), EBRACK);
      require(peek() != '-' && peek() != ']', ECTYPE);
      int start = pos;
      while (more() && Character.isLetter(peek()) && peek() < 128) {
        pos++;
      }
      CharClass cls = CharClass.named(re.substring(start, pos));
      require(cls != null, ECTYPE);
      for (int i = 0; i < 128; i++) {
        if (cls.contains((char) i)) {
          set.set(i);
        }
      }
      require(more(), EBRACK);
      require(eatTwo(':', ']'), ECTYPE);
    } else if (next == '=') {
      pos += 2;
      require(more(), EBRACK);
      require(peek() != '-' && peek() != ']', ECOLLATE);
      set.set(collatingElement('=') & 0xFF);
      require(more(), EBRACK);
      require(eatTwo('=', ']'), ECOLLATE);
    } else {
      char start = bracketSymbol();
      char finish = start;
      if (more() && peek() == '-' && more2() && peek2() != ']') {
        pos++;
        finish = eat('-') ? '-' : bracketSymbol();
      }
      // regcomp compares plain (signed) chars.
      require((byte) start <= (byte) finish, ERANGE);
      for (int i = (byte) start; i <= (byte) finish; i++) {
        set.set(i & 0xFF);
      }
    }
  }

  private char bracketSymbol() throws SyntaxError {
    require(more(), EBRACK);
    if (!eatTwo('[', '.')) {
      return re.charAt(pos++);
    }
    char value = collatingElement('.');
    require(eatTwo('.', ']'), ECOLLATE);
    return value;
  }

  /** Only single-character collating elements are supported; names like [.hyphen.] are not. */
  private char collatingElement(char end) throws SyntaxError {
    int start = pos;
    while (more() && !seeTwo(end, ']')) {
      pos++;
    }
    require(more(), EBRACK);
    require(pos - start == 1, ECOLLATE);
    return re.charAt(start);
  }

  private void appendClass(BitSet set) {
    if (set.isEmpty()) {
      out.append("[^\\x00-\\xFF]");
      return;
    }
    out.append('[');
    int i = set.nextSetBit(0);
    while (i >= 0) {
      int end = set.nextClearBit(i) - 1;
      appendHex(out, i);
      if (end > i) {
        out.append('-');
        appendHex(out, end);
      }
      i = set.nextSetBit(end + 1);
    }
    out.append(']');
  }

  private static void appendHex(StringBuilder sb, int c) {
    sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
  }

  /** Appends {@code c} as a Java-regex atom that matches exactly that character. */
  static void appendLiteral(StringBuilder sb, char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      sb.append(c);
    } else if (c < 0x20 || c > 0x7E) {
      appendHex(sb, c & 0xFF);
    } else if (c == ' ') {
      sb.append(' ');
    } else {
      sb.append('\\').append(c);
    }
  }

  /** The POSIX character classes of the C locale. */
  private enum CharClass {
    ALNUM, ALPHA, BLANK, CNTRL, DIGIT, GRAPH, LOWER, PRINT, PUNCT, SPACE, UPPER, XDIGIT;

    static CharClass named(String name) {
      for (CharClass cls : values()) {
        if (cls.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
          return cls;
        }
      }
      return null;
    }

    boolean contains(char c) {
      boolean lower = c >= 'a' && c <= 'z';
      boolean upper = c >= 'A' && c <= 'Z';
      boolean digit = c >= '0' && c <= '9';
      boolean graph = c > 32 && c < 127;
      return switch (this) {
        case ALNUM -> lower || upper || digit;
        case ALPHA -> lower || upper;
        case BLANK -> c == ' ' || c == '\t';
        case CNTRL -> c < 32 || c == 127;
        case DIGIT -> digit;
        case GRAPH -> graph;
        case LOWER -> lower;
        case PRINT -> graph || c == ' ';
        case PUNCT -> graph && !(lower || upper || digit);
        case SPACE -> c == ' ' || (c >= 9 && c <= 13);
        case UPPER -> upper;
        case XDIGIT -> digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      };
    }
  }
}
