package dev.dyad.filecheck;

import java.math.BigInteger;
import java.util.Locale;

/** A numeric block's matching format (%u, %d, %x, %X), with precision and the '#' (0x) alternate form. */
record NumericFormat(Kind kind, int precision, boolean alternate) {

  enum Kind { UNSIGNED, SIGNED, HEX_LOWER, HEX_UPPER }

  static final NumericFormat UNSIGNED = new NumericFormat(Kind.UNSIGNED, 0, false);

  /** The conversion as FileCheck names it in messages: %u, %d, %x or %X. */
  String spec() {
    return switch (kind) {
      case UNSIGNED -> "%u";
      case SIGNED -> "%d";
      case HEX_LOWER -> "%x";
      case HEX_UPPER -> "%X";
    };
  }

  private boolean hex() {
    return kind == Kind.HEX_LOWER || kind == Kind.HEX_UPPER;
  }

  /** The ERE that matches any value in this format, as FileCheck builds it. */
  String wildcardRegex() {
    String prefix = alternate ? "0x" : "";
    String digit = switch (kind) {
      case UNSIGNED, SIGNED -> "0-9";
      case HEX_LOWER -> "0-9a-f";
      case HEX_UPPER -> "0-9A-F";
    };
    String sign = kind == Kind.SIGNED ? "-?" : "";
    if (precision > 0) {
      String lead = switch (kind) {
        case UNSIGNED, SIGNED -> "1-9";
        case HEX_LOWER -> "1-9a-f";
        case HEX_UPPER -> "1-9A-F";
      };
      return prefix + sign + "([" + lead + "][" + digit + "]*)?[" + digit + "]{" + precision + "}";
    }
    return prefix + sign + "[" + digit + "]+";
  }

  /** Renders {@code value}; null when it cannot be represented (negative in an unsigned format). */
  String render(BigInteger value) {
    if (kind != Kind.SIGNED && value.signum() < 0) {
      return null;
    }
    String digits = value.abs().toString(hex() ? 16 : 10);
    if (kind == Kind.HEX_UPPER) {
      digits = digits.toUpperCase(Locale.ROOT);
    }
    StringBuilder sb = new StringBuilder();
    if (value.signum() < 0) {
      sb.append('-');
    }
    if (alternate) {
      sb.append("0x");
    }
    sb.append("0".repeat(Math.max(0, precision - digits.length()))).append(digits);
    return sb.toString();
  }

  /** Parses text that matched {@link #wildcardRegex()}. */
  BigInteger parse(String text) {
    String t = text;
    boolean negative = t.startsWith("-");
    if (negative) {
      t = t.substring(1);
    }
    if (alternate && (t.startsWith("0x") || t.startsWith("0X"))) {
      t = t.substring(2);
    }
    BigInteger v = new BigInteger(t, hex() ? 16 : 10);
    return negative ? v.negate() : v;
  }
}
