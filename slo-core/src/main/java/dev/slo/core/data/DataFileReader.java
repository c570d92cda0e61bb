package dev.slo.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.ValidationException;
import dev.slo.core.model.GroupId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads event data: CSV with the header {@code timestamp,slo_id,good_events,total_events} (columns
 * in any order), or JSON Lines with the same keys. A timestamp is ISO-8601 with an offset or epoch
 * seconds; counts are whole numbers with {@code 0 <= good <= total}. The first bad row stops the
 * read with an {@link InvalidInputException} naming file and line. Thread-safe; no state.
 */
public final class DataFileReader {
  private static final List<String> COLUMNS =
      List.of("timestamp", "slo_id", "good_events", "total_events");
  private static final String LABELS = "labels";
  private static final JsonFactory JSON = new JsonFactory();
  private static final java.util.regex.Pattern EPOCH =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("\\d{1,19}");
  // the range of epoch nanoseconds in a long, which event series store
  private static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  private static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  private DataFileReader() {}

  /**
   * Reads every row into per-SLO series, skipping rows whose slo_id is not in {@code known} (one
   * warning names them all). {@code known} null keeps every row. Memory grows with the series
   * (about 8 bytes a row on a regular grid), not with the file: lines are read into one buffer and
   * a line longer than {@link #MAX_LINE} characters stops the read.
   */
  public static DataSet read(String source, BufferedReader in, Set<String> known) {
    return read(source, in, known, Map.of());
  }

  /**
   * Reads as {@link #read(String, BufferedReader, Set)}, knowing which SLOs are grouped ({@code
   * slo_id -> group_by}): a row of a grouped SLO without labels, or without one of its {@code
   * group_by} labels, stops the read naming its line. Labelled rows are kept under their group id
   * with the labels in name order ({@link DataRow#key()}).
   */
  public static DataSet read(
      String source, BufferedReader in, Set<String> known, Map<String, List<String>> groupBy) {
    SeriesCollector c = new SeriesCollector(source, known, groupBy);
    scan(
        source,
        in,
        new Rows() {
          @Override
          void fast(int line, char[] b, FastRow r) {
            c.add(c.slot(b, r.idFrom, r.idTo), line, r.nanos, r.good, r.total);
          }

          @Override
          void row(DataRow r) {
            c.add(c.slot(r.key()), r.line(), nanos(r.timestamp()), r.goodEvents(), r.totalEvents());
          }
        });
    return c.result();
  }

  /** The longest line a data file may hold, in characters (64 KiB); see docs/limits.md. */
  public static final int MAX_LINE = LineReader.MAX_LINE;

  /** Streams every row to {@code sink}, in file order, validating each. */
  public static void forEach(String source, BufferedReader in, Consumer<DataRow> sink) {
    scan(
        source,
        in,
        new Rows() {
          @Override
          void fast(int line, char[] b, FastRow r) {
            Instant t =
                Instant.ofEpochSecond(Math.floorDiv(r.nanos, NANOS), Math.floorMod(r.nanos, NANOS));
            String id = new String(b, r.idFrom, r.idTo - r.idFrom);
            sink.accept(new DataRow(line, t, id, r.good, r.total));
          }

          @Override
          void row(DataRow r) {
            sink.accept(r);
          }
        });
  }

  /** What a read does with each valid row: a common-shape CSV row in place, or any other row. */
  private abstract static class Rows {
    abstract void fast(int line, char[] b, FastRow r);

    abstract void row(DataRow r);
  }

  private static final long NANOS = 1_000_000_000L;

  // epoch nanoseconds of an instant inside the range the reader accepts (both ends included)
  private static long nanos(Instant t) {
    long s = t.getEpochSecond();
    long n = t.getNano();
    return s >= 0 ? s * NANOS + n : (s + 1) * NANOS + (n - NANOS);
  }

  private static void scan(String source, BufferedReader in, Rows sink) {
    try {
      LineReader lines = new LineReader(source, in);
      String first = null;
      while (lines.next()) {
        String s = lines.text();
        if (!s.isBlank()) {
          first = s;
          break;
        }
      }
      if (first == null) {
        return;
      }
      if (lines.line() == 1 && first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      if (first.stripLeading().startsWith("{")) {
        jsonLines(source, lines, first, sink);
      } else {
        csv(source, lines, first, sink);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static void csv(String source, LineReader lines, String header, Rows sink)
      throws IOException {
    int headerLine = lines.line();
    String[] names = split(header);
    int[] idx = new int[COLUMNS.size() + 1];
    java.util.Arrays.fill(idx, -1);
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim().toLowerCase(Locale.ROOT);
      int c = LABELS.equals(name) ? COLUMNS.size() : COLUMNS.indexOf(name);
      if (c < 0 || idx[c] >= 0) {
        throw new InvalidInputException(
            source
                + ":"
                + headerLine
                + ": "
                + dev.slo.core.Printable.quote(names[i].trim())
                + " is not a valid column"
                + (c >= 0 ? " (it appears twice)" : "")
                + "; the header must be timestamp,slo_id,good_events,total_events");
      }
      idx[c] = i;
    }
    for (int c = 0; c < COLUMNS.size(); c++) {
      if (idx[c] < 0) {
        throw new InvalidInputException(
            source
                + ":"
                + headerLine
                + ": column "
                + COLUMNS.get(c)
                + " is missing; the header must be timestamp,slo_id,good_events,total_events");
      }
    }
    boolean labelled = idx[COLUMNS.size()] >= 0;
    FastRow fast = new FastRow(java.util.Arrays.copyOf(idx, COLUMNS.size()), idx[COLUMNS.size()]);
    char[] b = lines.buf();
    while (lines.next()) {
      int line = lines.line();
      int s = lines.start;
      int e = lines.end;
      if (s == e || b[s] == '#') {
        continue;
      }
      if (fast.parse(b, s, e)) {
        sink.fast(line, b, fast);
        continue;
      }
      String text = lines.text();
      if (text.isBlank()) {
        continue;
      }
      String[] f = labelled ? splitQuoted(source, line, text) : split(text);
      if (f.length != names.length) {
        throw new InvalidInputException(
            source
                + ":"
                + line
                + ": "
                + f.length
                + " fields, expected "
                + names.length
                + " (timestamp,slo_id,good_events,total_events)");
      }
      Map<String, String> labels =
          labelled ? labels(source, line, f[idx[COLUMNS.size()]]) : Map.of();
      sink.row(row(source, line, f[idx[0]], f[idx[1]], f[idx[2]], f[idx[3]], labels));
    }
  }

  private static void jsonLines(String source, LineReader lines, String first, Rows sink)
      throws IOException {
    int line = lines.line();
    String s = first;
    while (true) {
      if (!s.isBlank()) {
        sink.row(jsonRow(source, line, s));
      }
      if (!lines.next()) {
        return;
      }
      s = lines.text();
      line = lines.line();
    }
  }

  private static DataRow jsonRow(String source, int line, String text) {
    String[] v = new String[COLUMNS.size()];
    Map<String, String> labels = Map.of();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad(source, line, "not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (LABELS.equals(key)) {
          labels = t == JsonToken.VALUE_NULL ? Map.of() : labelObject(source, line, p);
          continue;
        }
        int c = COLUMNS.indexOf(key);
        if (c < 0) {
          throw bad(
              source,
              line,
              dev.slo.core.Printable.quote(key) + " is not a valid key; use " + COLUMNS);
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          throw bad(source, line, key + " must be a string or a number");
        }
        v[c] = t == JsonToken.VALUE_NULL ? null : p.getText();
      }
      if (p.nextToken() != null) {
        throw bad(source, line, "more than one JSON value on the line");
      }
    } catch (IOException e) {
      throw bad(source, line, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    for (int c = 0; c < v.length; c++) {
      if (v[c] == null) {
        throw bad(source, line, COLUMNS.get(c) + " is missing");
      }
    }
    return row(source, line, v[0], v[1], v[2], v[3], labels);
  }

  private static DataRow row(
      String source,
      int line,
      String ts,
      String id,
      String good,
      String total,
      Map<String, String> labels) {
    Instant t = timestamp(source, line, ts.trim());
    String sloId = id.trim();
    if (sloId.isEmpty()) {
      throw bad(source, line, "slo_id is empty");
    }
    if (GroupId.isGroupForm(sloId)) {
      if (!labels.isEmpty()) {
        throw bad(
            source,
            line,
            Printable.quote(sloId)
                + " is a group id and the row has labels too; give the labels in one place");
      }
      try {
        GroupId g = GroupId.parse(sloId);
        sloId = g.baseId();
        labels = g.labels();
      } catch (ValidationException e) {
        throw bad(source, line, e.getMessage());
      }
    } else if (!labels.isEmpty()) {
      try {
        GroupId.format(sloId, labels);
      } catch (ValidationException e) {
        throw bad(source, line, "labels: " + e.getMessage());
      }
    }
    long g = count(source, line, "good_events", good.trim());
    long n = count(source, line, "total_events", total.trim());
    if (g > n) {
      throw bad(
          source,
          line,
          "good_events " + g + " exceeds total_events " + n + "; good must be <= total");
    }
    return new DataRow(line, t, sloId, g, n, labels);
  }

  // the labels column of a CSV row: empty, or a JSON object of label names to texts
  static Map<String, String> labels(String source, int line, String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Map.of();
    }
    try (JsonParser p = JSON.createParser(s)) {
      p.nextToken();
      Map<String, String> out = labelObject(source, line, p);
      if (p.nextToken() != null) {
        throw bad(source, line, "labels holds more than one JSON value");
      }
      return out;
    } catch (IOException e) {
      throw bad(
          source,
          line,
          Printable.quote(s)
              + " is not valid labels: expected a JSON object such as {\"route\":\"/pay\"}");
    }
  }

  // a JSON object of label names to texts, the parser on its START_OBJECT
  static Map<String, String> labelObject(String source, int line, JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw bad(source, line, "labels must be a JSON object of label names to texts");
    }
    Map<String, String> out = new java.util.TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw bad(source, line, "the label " + Printable.quote(name) + " must have a text value");
      }
      if (out.put(name, p.getText()) != null) {
        throw bad(source, line, "the label " + Printable.quote(name) + " appears twice");
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw bad(source, line, "labels is not a complete JSON object");
    }
    return out;
  }

  // a CSV line whose fields may be quoted with "" for a quote inside (RFC 4180), trimmed
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
          throw bad(source, line, "a quoted field has no closing quote");
        }
        while (i < n && text.charAt(i) == ' ') {
          i++;
        }
        if (i < n && text.charAt(i) != ',') {
          throw bad(source, line, "text after a quoted field; quote a quote inside as \"\"");
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

  /** Parses ISO-8601 with an offset ({@code 2026-11-01T10:00:00Z}) or epoch seconds. */
  public static Instant parseInstant(String text) {
    String s = text.trim();
    if (EPOCH.matcher(s).matches()) {
      BigDecimal secs = new BigDecimal(s);
      BigDecimal whole = secs.setScale(0, java.math.RoundingMode.FLOOR);
      long nanos =
          secs.subtract(whole)
              .movePointRight(9)
              .setScale(0, java.math.RoundingMode.HALF_EVEN)
              .longValueExact();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }
    return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  private static Instant timestamp(String source, int line, String s) {
    Instant t;
    try {
      t = parseInstant(s);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw bad(
          source,
          line,
          dev.slo.core.Printable.quote(s)
              + " is not a valid timestamp; use ISO-8601 with an offset"
              + " (2026-11-01T10:00:00Z) or epoch seconds");
    }
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw bad(
          source,
          line,
          dev.slo.core.Printable.quote(s)
              + " is not a valid timestamp: it is outside the supported range "
              + EARLIEST
              + " to "
              + LATEST);
    }
    return t;
  }

  private static long count(String source, int line, String field, String s) {
    if (!COUNT.matcher(s).matches()) {
      throw bad(
          source,
          line,
          dev.slo.core.Printable.quote(s)
              + " is not a valid "
              + field
              + "; use a whole number >= 0");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw bad(source, line, dev.slo.core.Printable.quote(s) + " is too large for " + field);
    }
  }

  private static String[] split(String line) {
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

  private static InvalidInputException bad(String source, int line, String message) {
    return new InvalidInputException(source + ":" + line + ": " + message);
  }
}
