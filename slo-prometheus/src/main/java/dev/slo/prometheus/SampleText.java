package dev.slo.prometheus;

import java.io.IOException;

/** Sample values as the API writes them: decimal text, {@code NaN}, {@code +Inf}, {@code -Inf}. */
final class SampleText {
  private SampleText() {}

  /**
   * The value of a plain non-negative integer of up to 15 digits (what counters mostly are) read
   * without making a string, or NaN when the text is anything else.
   */
  static double digits(char[] buf, int off, int len) {
    if (len == 0 || len > 15) {
      return Double.NaN;
    }
    long n = 0;
    for (int i = off; i < off + len; i++) {
      char c = buf[i];
      if (c < '0' || c > '9') {
        return Double.NaN;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * The number in {@code text}.
   *
   * @param stringOk a string result's value may be any text: it is read as NaN then
   * @throws ReplyParser.MalformedReplyException when the text is not a sample value
   */
  static double number(String text, boolean stringOk) throws IOException {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
      case "Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (text.isEmpty() || text.length() > 64 || !plain(text)) {
      if (stringOk) {
        return Double.NaN;
      }
      throw new ReplyParser.MalformedReplyException(
          "the server sent " + ReplyParser.cut(text) + " where a number belongs");
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      if (stringOk) {
        return Double.NaN;
      }
      throw new ReplyParser.MalformedReplyException(
          "the server sent " + ReplyParser.cut(text) + " where a number belongs");
    }
  }

  /** Only digits, sign, point and exponent: Java would also take "0x1p3", "1d" or "Infinity". */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }
}
