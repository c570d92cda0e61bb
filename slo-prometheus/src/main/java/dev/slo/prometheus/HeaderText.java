package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;

/** Checks extra HTTP headers before they are sent: RFC 9110 token names, no control characters. */
final class HeaderText {
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HeaderText() {}

  /**
   * @throws InvalidInputException naming the header when the name is not a token or the value holds
   *     a control character other than tab
   */
  static void check(String name, String value) {
    if (name == null || name.isEmpty() || !name.chars().allMatch(HeaderText::tokenChar)) {
      throw new InvalidInputException(
          "header name "
              + visible(name)
              + " is not valid: use letters, digits and - (e.g. X-Scope-OrgID)");
    }
    if (value == null) {
      throw new InvalidInputException("header " + name + " has no value");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new InvalidInputException(
            "header "
                + name
                + ": the value holds a control character (\\u"
                + String.format("%04x", (int) c)
                + " at position "
                + (i + 1)
                + "); CR and LF would start another header");
      }
    }
  }

  private static boolean tokenChar(int c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || TOKEN_SYMBOLS.indexOf(c) >= 0;
  }

  private static String visible(String s) {
    if (s == null) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (b.length() > 40) {
        b.append("...");
        break;
      }
      b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append('"').toString();
  }
}
