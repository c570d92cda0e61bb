package dev.slo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataFileReaderLinesTest {
  private static DataSet read(String text, Set<String> known) {
    return DataFileReader.read("d.csv", new BufferedReader(new StringReader(text)), known);
  }

  private static final Window ALL =
      new Window(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));

  @Test
  void shouldReadCsvWithOffsetsAndEpochSeconds() {
    DataSet d =
        read(
            "timestamp,slo_id,good_events,total_events\n"
                + "2026-11-20T12:00:00+01:00,a,9,10\n"
                + "1795089600,a,5,5\n"
                + "\n# a comment\n"
                + "1795089600.5,b,0,0\n",
            null);
    assertThat(d.rows()).isEqualTo(3);
    assertThat(d.series().get("a").counts(ALL)).isEqualTo(new EventCounts(14, 15));
    assertThat(d.series().get("a").first()).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
    assertThat(d.series().get("a").last()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
    assertThat(d.series().get("b").last()).isEqualTo(Instant.parse("2026-11-19T12:00:00.5Z"));
  }

  @Test
  void shouldAcceptColumnsInAnyOrderAndJsonLines() {
    DataSet csv =
        read("slo_id,total_events,good_events,timestamp\na,10,7,2026-11-20T12:00:00Z\n", null);
    assertThat(csv.series().get("a").counts(ALL)).isEqualTo(new EventCounts(7, 10));
    DataSet json =
        read(
            "{\"timestamp\": \"2026-11-20T12:00:00Z\", \"slo_id\": \"a\", \"good_events\": 3,"
                + " \"total_events\": 4}\n\n{\"timestamp\": 1795089600, \"slo_id\": \"a\","
                + " \"good_events\": \"1\", \"total_events\": 1}\n",
            null);
    assertThat(json.series().get("a").counts(ALL)).isEqualTo(new EventCounts(4, 5));
  }

  @Test
  void shouldSumRowsAtTheSameInstantInAnyOrder() {
    DataSet d =
        read(
            "timestamp,slo_id,good_events,total_events\n"
                + "2026-11-20T12:02:00Z,a,1,1\n2026-11-20T12:00:00Z,a,1,2\n2026-11-20T12:00:00Z,a,3,3\n",
            null);
    assertThat(d.series().get("a").size()).isEqualTo(2);
    Window first =
        new Window(Instant.parse("2026-11-20T11:59:00Z"), Instant.parse("2026-11-20T12:00:00Z"));
    assertThat(d.series().get("a").counts(first)).isEqualTo(new EventCounts(4, 5));
  }

  @Test
  void shouldSkipUnknownSlosWithOneWarning() {
    DataSet d =
        read(
            "timestamp,slo_id,good_events,total_events\n1,x,1,1\n2,y,1,1\n3,x,1,1\n4,a,1,1\n",
            Set.of("a"));
    assertThat(d.series()).containsOnlyKeys("a");
    assertThat(d.warnings())
        .containsExactly("d.csv: skipped 3 rows for SLOs not in the spec: x, y");
  }

  @Test
  void shouldNameTheLineOfEveryBadRow() {
    String h = "timestamp,slo_id,good_events,total_events\n";
    bad(
        h + "1,a,1,1\n1,a,2,1\n",
        "d.csv:3: good_events 2 exceeds total_events 1; good must be <= total");
    bad(h + "1,a,-1,1\n", "d.csv:2: \"-1\" is not a valid good_events; use a whole number >= 0");
    bad(h + "1,a,1.5,2\n", "d.csv:2: \"1.5\" is not a valid good_events");
    bad(
        h + "2026-11-20T12:00:00,a,1,1\n",
        "d.csv:2: \"2026-11-20T12:00:00\" is not a valid timestamp");
    bad(h + "1,a,1\n", "d.csv:2: 3 fields, expected 4");
    bad(h + "1,,1,1\n", "d.csv:2: slo_id is empty");
    bad(
        h + "1,a,1,99999999999999999999\n",
        "d.csv:2: \"99999999999999999999\" is not a valid total_events");
    bad("time,slo_id,good_events,total_events\n", "d.csv:1: \"time\" is not a valid column");
    bad("timestamp,slo_id,good_events\n", "d.csv:1: column total_events is missing");
    bad(
        "{\"timestamp\": 1, \"slo_id\": \"a\", \"good_events\": 1}\n",
        "d.csv:1: total_events is missing");
    bad(
        "{\"timestamp\": 1, \"slo_id\": \"a\", \"good_events\": 1, \"total_events\": 1}\n{oops\n",
        "d.csv:2: not valid JSON");
  }

  @Test
  void shouldReadAnEmptyFileAsNoRows() {
    assertThat(read("", null).rows()).isZero();
    assertThat(read("timestamp,slo_id,good_events,total_events\n", null).series()).isEmpty();
  }

  private static void bad(String text, String message) {
    assertThatThrownBy(() -> read(text, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(message);
  }
}
