package dev.slo.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slo.core.InvalidInputException;
import dev.slo.core.ValidationException;
import dev.slo.core.model.GroupId;
import dev.slo.core.source.EventSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The data reader as it was before the in-place fast path (String per line, regex and {@code
 * OffsetDateTime.parse}): the oracle that the fast reader's results and errors are compared with.
 */
final class ReferenceDataReader {
  private static final List<String> COLUMNS =
      List.of("timestamp", "slo_id", "good_events", "total_events");
  private static final JsonFactory JSON = new JsonFactory();
  private static final java.util.regex.Pattern EPOCH =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("\\d{1,19}");
  // the range of epoch nanoseconds in a long, which event series store
  private static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
  private static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

  private ReferenceDataReader() {}

  /**
   * Reads every row into per-SLO series, skipping rows whose slo_id is not in {@code known} (one
   * warning names them all). {@code known} null keeps every row.
   */
  public static DataSet read(String source, BufferedReader in, Set<String> known) {
    Map<String, EventSeries.Builder> builders = new HashMap<>();
    Map<String, long[]> totals = new HashMap<>();
    Map<String, Long> skipped = new TreeMap<>();
    long[] rows = {0};
    forEach(
        source,
        in,
        r -> {
          rows[0]++;
          if (known != null && !known.contains(r.sloId())) {
            skipped.merge(r.key(), 1L, Long::sum);
            return;
          }
          long[] sum = totals.computeIfAbsent(r.key(), k -> new long[1]);
          try {
            sum[0] = Math.addExact(sum[0], r.totalEvents());
          } catch (ArithmeticException e) {
            throw bad(
                source,
                r.line(),
                "total_events of slo_id "
                    + r.key()
                    + " add up to more than "
                    + Long.MAX_VALUE
                    + "; counts must fit in 64 bits");
          }
          builders
              .computeIfAbsent(r.key(), k -> EventSeries.builder(1024))
              .add(r.timestamp(), r.goodEvents(), r.totalEvents());
        });
    Map<String, EventSeries> series = new HashMap<>();
    builders.forEach((k, b) -> series.put(k, b.build()));
    List<String> warnings = new ArrayList<>();
    if (!skipped.isEmpty()) {
      long n = skipped.values().stream().mapToLong(Long::longValue).sum();
      warnings.add(
          source
              + ": skipped "
              + n
              + " row"
              + (n == 1 ? "" : "s")
              + " for SLOs not in the spec: "
              + String.join(", ", skipped.keySet()));
    }
    return new DataSet(series, rows[0], warnings);
  }

  /** Streams every row to {@code sink}, in file order, validating each. */
  public static void forEach(String source, BufferedReader in, Consumer<DataRow> sink) {
    try {
      String first;
      int line = 0;
      do {
        first = in.readLine();
        line++;
      } while (first != null && first.isBlank());
      if (first == null) {
        return;
      }
      if (line == 1 && first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      if (first.stripLeading().startsWith("{")) {
        jsonLines(source, in, first, line, sink);
      } else {
        csv(source, in, first, line, sink);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static void csv(
      String source, BufferedReader in, String header, int headerLine, Consumer<DataRow> sink)
      throws IOException {
    String[] names = split(header);
    int[] idx = new int[COLUMNS.size() + 1];
    java.util.Arrays.fill(idx, -1);
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim().toLowerCase(Locale.ROOT);
      int c = name.equals("labels") ? COLUMNS.size() : COLUMNS.indexOf(name);
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
    boolean labelled = idx[COLUMNS.size()] >= 0;
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
    int line = headerLine;
    String s;
    while ((s = in.readLine()) != null) {
      line++;
      if (s.isBlank() || s.startsWith("#")) {
        continue;
      }
      String[] f = labelled ? CsvFields.splitQuoted(source, line, s) : split(s);
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
          labelled ? JsonRows.labels(source, line, f[idx[COLUMNS.size()]]) : Map.of();
      sink.accept(row(source, line, f[idx[0]], f[idx[1]], f[idx[2]], f[idx[3]], labels));
    }
  }

  private static void jsonLines(
      String source, BufferedReader in, String first, int firstLine, Consumer<DataRow> sink)
      throws IOException {
    int line = firstLine;
    String s = first;
    while (s != null) {
      if (!s.isBlank()) {
        sink.accept(jsonRow(source, line, s));
      }
      s = in.readLine();
      line++;
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
        if (key.equals("labels")) {
          labels = t == JsonToken.VALUE_NULL ? Map.of() : JsonRows.labelObject(source, line, p);
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
    if (sloId.contains("{")) {
      if (!labels.isEmpty()) {
        throw bad(
            source,
            line,
            dev.slo.core.Printable.quote(sloId)
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
