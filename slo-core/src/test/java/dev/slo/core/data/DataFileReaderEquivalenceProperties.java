package dev.slo.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.source.EventSeries;
import dev.slo.core.window.Window;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast reader accepts exactly what the reference reader (the previous implementation) accepts,
 * with the same series, warnings and, for a bad file, the same message.
 */
class DataFileReaderEquivalenceProperties {
  private static final List<String> TIMESTAMPS =
      List.of(
          "2026-06-01T00:00:00Z",
          "2026-06-01T00:01:30.5Z",
          "2026-06-01T00:01:30.123456789Z",
          "2026-06-01T00:01:30.1234567891Z",
          "2026-06-01T00:01:30.Z",
          "2026-06-01T02:00:00+02:00",
          "2026-05-31T20:00:00-04:00",
          "2026-06-01T00:00:00-00:00",
          "2026-06-01T00:00:00+18:00",
          "2026-06-01T00:00:00+18:30",
          "2026-06-01T00:00:00+02",
          "2026-06-01T00:00:00+0200",
          "2026-06-01t00:00:00z",
          "2026-06-01T00:00Z",
          "2026-02-29T00:00:00Z",
          "2028-02-29T23:59:59Z",
          "2100-02-29T00:00:00Z",
          "2026-04-31T00:00:00Z",
          "2026-06-01T24:00:00Z",
          "2026-06-01T23:60:00Z",
          "2026-06-01T23:59:60Z",
          "2026-13-01T00:00:00Z",
          "1969-12-31T23:59:59.999Z",
          "1677-09-21T00:12:44Z",
          "2262-04-11T23:47:16.854775807Z",
          "2262-04-11T23:47:16.854775808Z",
          "+2026-06-01T00:00:00Z",
          "2026-06-01 00:00:00Z",
          "2026-06-01T00:00:00",
          "1780272000",
          "1780272000.5",
          "1780272000.1234567895",
          "1780272000.",
          ".5",
          "-1",
          "-1.5",
          "0",
          "00001780272000",
          "9223372036",
          "9223372037",
          "99999999999",
          "1e9",
          "yesterday",
          "",
          " 1780272060 ",
          "\"1780272120\"",
          "١٧٨٠٢٧٢٠٠٠");
  private static final List<String> IDS =
      List.of("api", "web", "api", "api", " api ", "\"api\"", "\" web \"", "", "\"\"", "é", "a b");
  private static final List<String> COUNTS =
      List.of(
          "0",
          "1",
          "7",
          "10",
          "100",
          "1000",
          " 5 ",
          "\"3\"",
          "-1",
          "1.5",
          "",
          "x",
          "999999999999999999",
          "9223372036854775807",
          "9223372036854775808",
          "99999999999999999999",
          "0007",
          "+5");

  @Provide
  Arbitrary<List<String>> rowLine() {
    Arbitrary<String> ts = Arbitraries.of(TIMESTAMPS);
    Arbitrary<String> id = Arbitraries.of(IDS);
    Arbitrary<String> c = Arbitraries.of(COUNTS);
    Arbitrary<String> row =
        Combinators.combine(ts, id, c, c).as((a, b, g, n) -> a + "," + b + "," + g + "," + n);
    Arbitrary<String> odd =
        Arbitraries.of("", "   ", "# comment", " # not a comment", "a,b,c", "1,a,1,1,1", "\t");
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, row), net.jqwik.api.Tuple.of(1, odd))
        .list()
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> header() {
    return Arbitraries.of(
        "timestamp,slo_id,good_events,total_events",
        "slo_id,total_events,good_events,timestamp",
        " Timestamp , SLO_ID ,good_events,\"total_events\"",
        "\uFEFFtimestamp,slo_id,good_events,total_events");
  }

  @Provide
  Arbitrary<String> ending() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  @Property(tries = 3000)
  void fastAndReferenceReadersAgree(
      @ForAll("header") String header,
      @ForAll("rowLine") List<String> lines,
      @ForAll("ending") String eol,
      @ForAll boolean filter) {
    String h = header;
    List<String> rows = lines;
    if (h.startsWith("slo_id,total_events")) {
      // reorder each well-formed row to the header's columns
      rows =
          lines.stream()
              .map(
                  l -> {
                    String[] f = l.split(",", -1);
                    return f.length == 4 ? f[1] + "," + f[3] + "," + f[2] + "," + f[0] : l;
                  })
              .toList();
    }
    String text = h + eol + String.join(eol, rows) + (rows.isEmpty() ? "" : eol);
    Set<String> known = filter ? Set.of("api") : null;
    assertThat(outcome(() -> DataFileReader.read("f.csv", reader(text), known)))
        .isEqualTo(outcome(() -> ReferenceDataReader.read("f.csv", reader(text), known)));
  }

  /**
   * A file read before the spec is known, then kept to the spec's SLOs, is the file read for them;
   * a file that cannot be read for them cannot be read before either (the read ahead may also stop
   * on rows of other SLOs: then the file is read again for the spec).
   */
  @Property(tries = 2000)
  void readingAheadThenKeepingTheKnownSlosIsReadingForThem(
      @ForAll("header") String header,
      @ForAll("rowLine") List<String> lines,
      @ForAll("ending") String eol,
      @ForAll boolean both) {
    if (!header.startsWith("slo_id,total_events")) {
      String text = header + eol + String.join(eol, lines) + (lines.isEmpty() ? "" : eol);
      Set<String> known = both ? Set.of("api", "web") : Set.of("api");
      String forThem = outcome(() -> DataFileReader.read("f.csv", reader(text), known));
      String ahead;
      try {
        UnfilteredData all = DataFileReader.readUnfiltered("f.csv", reader(text));
        ahead = outcome(() -> all.forKnown(known));
      } catch (RuntimeException e) {
        ahead = null;
      }
      if (ahead != null) {
        assertThat(ahead).isEqualTo(forThem);
      }
      if (!forThem.contains(" rows=")) { // the file cannot be read for them
        assertThat(ahead).isNull();
      }
    }
  }

  private static BufferedReader reader(String text) {
    return new BufferedReader(new StringReader(text));
  }

  /**
   * A comparable summary: series by id (size, first, last, totals, a few windows), or the error.
   */
  private static String outcome(java.util.function.Supplier<DataSet> read) {
    DataSet d;
    try {
      d = read.get();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, EventSeries> e : d.series().entrySet()) {
      EventSeries s = e.getValue();
      StringBuilder b = new StringBuilder();
      b.append(s.size()).append(' ').append(s.first()).append(' ').append(s.last());
      b.append(' ').append(s.total());
      Instant t = Instant.parse("2026-06-01T00:00:00Z");
      for (int k = -3; k <= 3; k++) {
        b.append(' ').append(s.counts(new Window(t.plusSeconds(k * 45L), t.plusSeconds(3600))));
      }
      out.put(e.getKey(), b.toString());
    }
    return out + " rows=" + d.rows() + " " + d.warnings();
  }
}
