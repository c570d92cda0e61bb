package dev.slo.core;

import org.jspecify.annotations.Nullable;

/**
 * Makes user-supplied text safe to print in a one-line message: control characters are escaped (so
 * a value holding a newline or ESC cannot split a line or drive a terminal) and long values are
 * cut. Every message and warning that shows a value goes through here. Thread-safe.
 */
public final class Printable {
  /** Values longer than this many characters are cut in messages. */
  public static final int MAX_SHOWN = 80;

  private Printable() {}

  /**
   * {@code text} with every control character escaped: {@code \n}, {@code \r}, {@code \t}, and
   * {@code \}{@code uXXXX} for the others (C0, DEL, C1, line and paragraph separators, and the
   * bidirectional overrides that can reorder what a terminal shows). Idempotent: the result holds
   * no control character. Null prints as {@code null}.
   */
  public static String escape(@Nullable CharSequence text) {
    if (text == null) {
      return "null";
    }
    int n = text.length();
    int i = 0;
    while (i < n && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text.toString();
    }
    StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * {@code text} escaped and cut to {@link #MAX_SHOWN} characters of output, with how many were
   * left out, e.g. {@code xxxx… (999920 more characters)}. Never splits an escape or a surrogate
   * pair, and never escapes more of a long value than it shows.
   */
  public static String cut(@Nullable String text) {
    return shown(text, MAX_SHOWN);
  }

  /** {@code text} escaped and cut to about {@code max} characters of output; see {@link #cut}. */
  public static String shown(@Nullable String text, int max) {
    if (text == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 32);
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      int take = Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
      String piece = take == 2 ? text.substring(i, i + 2) : escape(String.valueOf(c));
      if (sb.length() + piece.length() > max) {
        break;
      }
      sb.append(piece);
      i += take;
    }
    if (i < n) {
      sb.append("… (").append(n - i).append(" more characters)");
    }
    return sb.toString();
  }

  /** A value for a message: escaped, cut and in double quotes; {@code null} unquoted. */
  public static String quote(@Nullable String value) {
    return value == null ? "null" : "\"" + cut(value) + "\"";
  }

  private static boolean needsEscape(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }
}
