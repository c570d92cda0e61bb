package dev.slo.interop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.data.DataSet;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataPrefetch}: a data file read ahead reads as {@link DataFiles#read(Path, List)}. */
class DataPrefetchTest {
  private static final String SLO =
      """
        - slo_id: %s
          slo_name: N
          service_name: s
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
      """;

  @TempDir Path dir;

  @Test
  void shouldReadAsAReadForTheSpecWithItsWarning() throws IOException {
    Path p =
        write(
            "timestamp,slo_id,good_events,total_events\n"
                + "2026-11-01T00:00:00Z,api,998,1000\n"
                + "2026-11-01T00:00:00Z,gone,1,1\n"
                + "2026-11-01T00:01:00Z,api,999,1000\n"
                + "2026-11-01T00:01:00Z,old,1,2\n"
                + "2026-11-01T00:02:00Z,gone,1,1\n");
    List<Slo> slos = slos("api", "web");
    DataSet ahead = DataPrefetch.start(p).read(slos);
    assertThat(describe(ahead)).isEqualTo(describe(DataFiles.read(p, slos)));
    assertThat(ahead.warnings())
        .containsExactly(p + ": skipped 3 rows for SLOs not in the spec: gone, old");
  }

  @Test
  void shouldReadAgainWhenTheReadAheadStoppedOnAnotherSlosRows() throws IOException {
    // the rows of "other" overflow 64 bits: a read for the spec skips them
    Path p =
        write(
            "timestamp,slo_id,good_events,total_events\n"
                + "2026-11-01T00:00:00Z,other,1,9223372036854775807\n"
                + "2026-11-01T00:01:00Z,other,1,9223372036854775807\n"
                + "2026-11-01T00:01:00Z,api,999,1000\n");
    List<Slo> slos = slos("api");
    assertThatThrownBy(
            () ->
                DataFileReader.readUnfiltered(
                    p.toString(), Files.newBufferedReader(p, StandardCharsets.UTF_8)))
        .hasMessageContaining("more than " + Long.MAX_VALUE);
    assertThat(describe(DataPrefetch.start(p).read(slos)))
        .isEqualTo(describe(DataFiles.read(p, slos)))
        .contains("api");
  }

  @Test
  void shouldReportWhatAReadForTheSpecMeets() throws IOException {
    Path bad = write("timestamp,slo_id,good_events,total_events\nyesterday,api,1,1\n");
    List<Slo> slos = slos("api");
    String expected = message(() -> DataFiles.read(bad, slos));
    assertThat(expected).contains("yesterday");
    assertThatThrownBy(() -> DataPrefetch.start(bad).read(slos)).hasMessage(expected);
    Path none = dir.resolve("none.csv");
    assertThatThrownBy(() -> DataPrefetch.start(none).read(slos))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(none + ": no such file");
    assertThatThrownBy(() -> DataPrefetch.start(dir).read(slos))
        .hasMessage(message(() -> DataFiles.read(dir, slos)));
  }

  @Test
  void shouldCheckTheLabelsOfAGroupedSloAsAReadForTheSpecDoes() throws IOException {
    Path p =
        write(
            "timestamp,slo_id,good_events,total_events\n" + "2026-11-01T00:00:00Z,api,998,1000\n");
    List<Slo> slos =
        SpecParser.parse("s.yaml", "slos:\n" + SLO.formatted("api") + "    group_by: [route]\n")
            .slos();
    String expected = message(() -> DataFiles.read(p, slos));
    assertThat(expected).contains("group_by [route]");
    assertThatThrownBy(() -> DataPrefetch.start(p).read(slos)).hasMessage(expected);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("data.csv"), text);
  }

  private static List<Slo> slos(String... ids) {
    StringBuilder spec = new StringBuilder("slos:\n");
    for (String id : ids) {
      spec.append(SLO.formatted(id));
    }
    return SpecParser.parse("s.yaml", spec.toString()).slos();
  }

  private static String message(Runnable read) {
    try {
      read.run();
      return "no error";
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  private static String describe(DataSet d) {
    Map<String, String> series = new TreeMap<>();
    d.series().forEach((id, s) -> series.put(id, s.size() + " " + s.total() + " " + s.first()));
    return series + " rows=" + d.rows() + " " + d.warnings();
  }
}
