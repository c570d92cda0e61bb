package dev.slo.core.data;

import java.util.List;

/**
 * Splits a CSV line of a data file into its fields: the plain split of the header and unlabelled
 * rows, and the quote-aware split of rows with a {@code labels} column. Thread-safe; no state.
 */
final class CsvFields {
  private CsvFields() {}

  /** A CSV line whose fields may be quoted with "" for a quote inside (RFC 4180), trimmed. */
  static String[] splitQuoted(String source, int line, String text) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      f.setLength(0);
      if (i < n && text.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              f.append('"');
              i++;
            } else {
              closed = true;
              break;
            }
          } else {
            f.append(c);
          }
        }
        if (!closed) {
          throw DataRows.bad(source, line, "a quoted field has no closing quote");
        }
        while (i < n && text.charAt(i) == ' ') {
          i++;
        }
        if (i < n && text.charAt(i) != ',') {
          throw DataRows.bad(
              source, line, "text after a quoted field; quote a quote inside as \"\"");
        }
        out.add(f.toString().trim());
      } else {
        int comma = text.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        out.add(text.substring(i, end).trim());
        i = end;
      }
      if (i >= n) {
        return out.toArray(new String[0]);
      }
      i++; // the comma
    }
  }

  /** A CSV line split at every comma, each field trimmed and stripped of one pair of quotes. */
  static String[] split(String line) {
    String[] f = line.split(",", -1);
    for (int i = 0; i < f.length; i++) {
      String t = f[i].trim();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      f[i] = t;
    }
    return f;
  }
}
