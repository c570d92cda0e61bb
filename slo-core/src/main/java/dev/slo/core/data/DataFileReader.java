package dev.slo.core.data;

import dev.slo.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads event data: CSV with the header {@code timestamp,slo_id,good_events,total_events} (columns
 * in any order), or JSON Lines with the same keys. A timestamp is ISO-8601 with an offset or epoch
 * seconds; counts are whole numbers with {@code 0 <= good <= total}. The first bad row stops the
 * read with an {@link InvalidInputException} naming file and line. Thread-safe; no state.
 */
public final class DataFileReader {
  /** The four columns every row has, in the order rows are given to {@link DataRows#row}. */
  static final List<String> COLUMNS = List.of("timestamp", "slo_id", "good_events", "total_events");

  /** The optional column (CSV) or key (JSON Lines) holding a row's group labels. */
  static final String LABELS = "labels";

  private static final java.util.regex.Pattern EPOCH =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

  private DataFileReader() {}

  /**
   * Reads every row into per-SLO series, skipping rows whose slo_id is not in {@code known} (one
   * warning names them all). {@code known} null keeps every row. Memory grows with the series
   * (about 8 bytes a row on a regular grid), not with the file: lines are read into one buffer and
   * a line longer than {@link #MAX_LINE} characters stops the read.
   */
  public static DataSet read(String source, BufferedReader in, @Nullable Set<String> known) {
    return read(source, in, known, Map.of());
  }

  /**
   * Reads as {@link #read(String, BufferedReader, Set)}, knowing which SLOs are grouped ({@code
   * slo_id -> group_by}): a row of a grouped SLO without labels, or without one of its {@code
   * group_by} labels, stops the read naming its line. Labelled rows are kept under their group id
   * with the labels in name order ({@link DataRow#key()}).
   */
  public static DataSet read(
      String source,
      BufferedReader in,
      @Nullable Set<String> known,
      Map<String, List<String>> groupBy) {
    SeriesCollector c = new SeriesCollector(source, known, groupBy);
    collect(source, in, c);
    return c.result();
  }

  /**
   * Reads every row of every slo_id, as {@link #read(String, BufferedReader, Set)} with {@code
   * known} null and no grouped SLOs, keeping each id's row count for {@link
   * UnfilteredData#forKnown}.
   */
  public static UnfilteredData readUnfiltered(String source, BufferedReader in) {
    SeriesCollector c = new SeriesCollector(source, null, Map.of());
    collect(source, in, c);
    return c.unfiltered();
  }

  private static void collect(String source, BufferedReader in, SeriesCollector c) {
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
    String[] names = CsvFields.split(header);
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
      String[] f = labelled ? CsvFields.splitQuoted(source, line, text) : CsvFields.split(text);
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
      sink.row(DataRows.row(source, line, f[idx[0]], f[idx[1]], f[idx[2]], f[idx[3]], labels));
    }
  }

  private static void jsonLines(String source, LineReader lines, String first, Rows sink)
      throws IOException {
    int line = lines.line();
    String s = first;
    while (true) {
      if (!s.isBlank()) {
        sink.row(JsonRows.jsonRow(source, line, s));
      }
      if (!lines.next()) {
        return;
      }
      s = lines.text();
      line = lines.line();
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
}
