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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Data files: CSV and JSON Lines; every error names the file and line. */
class DataFileReaderTest {
  private static final String HEADER = "timestamp,slo_id,good_events,total_events\n";

  private static DataSet read(String text, Set<String> known) {
    return DataFileReader.read("data.csv", new BufferedReader(new StringReader(text)), known);
  }

  private static EventCounts all(DataSet d, String id) {
    return d.series().get(id).total();
  }

  @Test
  void shouldReadCsvRowsIntoSeries() {
    DataSet d =
        read(
            HEADER
                + "2026-06-01T00:00:00Z,api,99,100\n"
                + "2026-06-01T00:01:00Z,api,100,100\n"
                + "\n"
                + "# a comment\n"
                + "2026-06-01T00:01:00Z,web,0,0\n",
            null);

    assertThat(d.rows()).isEqualTo(3);
    assertThat(all(d, "api")).isEqualTo(new EventCounts(199, 200));
    assertThat(all(d, "web")).isEqualTo(EventCounts.ZERO);
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void shouldAcceptColumnsInAnyOrder() {
    DataSet d = read("slo_id,total_events,good_events,timestamp\napi,10,7,1780272000\n", null);

    assertThat(all(d, "api")).isEqualTo(new EventCounts(7, 10));
  }

  @Test
  void shouldReadJsonLines() {
    DataSet d =
        read(
            "{\"timestamp\":\"2026-06-01T00:00:00Z\",\"slo_id\":\"api\",\"good_events\":9,"
                + "\"total_events\":10}\n"
                + "{\"timestamp\":1780272060,\"slo_id\":\"api\",\"good_events\":\"1\","
                + "\"total_events\":1}\n",
            null);

    assertThat(all(d, "api")).isEqualTo(new EventCounts(10, 11));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-06-01T00:00:00Z | 2026-06-01T00:00:00Z",
        "2026-06-01T02:00:00+02:00 | 2026-06-01T00:00:00Z",
        "2026-05-31T20:00:00-04:00 | 2026-06-01T00:00:00Z",
        "2026-06-01T00:00:00.250Z | 2026-06-01T00:00:00.250Z",
        "1780272000 | 2026-06-01T00:00:00Z",
        "1780272000.5 | 2026-06-01T00:00:00.500Z",
        "0 | 1970-01-01T00:00:00Z",
      })
  void shouldParseIsoTimestampsWithOffsetsAndEpochSeconds(String text, Instant expected) {
    assertThat(DataFileReader.parseInstant(text)).isEqualTo(expected);
  }

  @Test
  void shouldPlaceRowsWithOffsetsAtTheirInstant() {
    DataSet d = read(HEADER + "2026-06-01T02:00:00+02:00,api,1,1\n", null);
    Instant utc = Instant.parse("2026-06-01T00:00:00Z");

    assertThat(d.series().get("api").counts(new Window(utc.minusSeconds(1), utc)).total())
        .isEqualTo(1);
    assertThat(d.series().get("api").counts(new Window(utc, utc.plusSeconds(1))).total()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-06-01T00:00:00Z,api,101,100 | data.csv:3: good_events 101 exceeds total_events 100",
        "2026-06-01T00:00:00Z,api,-1,100 | data.csv:3: \"-1\" is not a valid good_events",
        "2026-06-01T00:00:00Z,api,1,-5 | data.csv:3: \"-5\" is not a valid total_events",
        "2026-06-01T00:00:00Z,api,1.5,2 | data.csv:3: \"1.5\" is not a valid good_events",
        "2026-06-01T00:00:00Z,api,1,two | data.csv:3: \"two\" is not a valid total_events",
        "2026-06-01 00:00:00,api,1,1 | data.csv:3: \"2026-06-01 00:00:00\" is not a valid timestamp",
        "2026-06-01T00:00:00,api,1,1 | data.csv:3: \"2026-06-01T00:00:00\" is not a valid timestamp",
        "yesterday,api,1,1 | data.csv:3: \"yesterday\" is not a valid timestamp",
        "2026-06-01T00:00:00Z,,1,1 | data.csv:3: slo_id is empty",
        "2026-06-01T00:00:00Z,api,1 | data.csv:3: 3 fields, expected 4",
      })
  void shouldNameTheLineOfABadCsvRow(String row, String message) {
    String text = HEADER + "2026-06-01T00:00:00Z,api,1,1\n" + row + "\n";

    assertThatThrownBy(() -> read(text, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void shouldNameTheLineOfABadJsonRow() {
    String ok =
        "{\"timestamp\":\"2026-06-01T00:00:00Z\",\"slo_id\":\"a\",\"good_events\":1,"
            + "\"total_events\":1}\n";

    assertThatThrownBy(() -> read(ok + "\n" + "{\"timestamp\": 1}\n", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.csv:3: ")
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> read(ok + ok.replace("\"good_events\":1", "\"good_events\":2"), null))
        .hasMessageStartingWith("data.csv:2: good_events 2 exceeds total_events 1");
    assertThatThrownBy(() -> read(ok + "{not json\n", null))
        .hasMessageStartingWith("data.csv:2: not valid JSON");
  }

  @Test
  void shouldRefuseAWrongHeader() {
    assertThatThrownBy(() -> read("time,slo_id,good_events,total_events\n", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.csv:1: \"time\" is not a valid column");
    assertThatThrownBy(() -> read("timestamp,slo_id,good_events\n", null))
        .hasMessageStartingWith("data.csv:1: column total_events is missing");
  }

  @Test
  void shouldSkipUnknownSlosWithOneWarningNamingThem() {
    DataSet d =
        read(
            HEADER
                + "2026-06-01T00:00:00Z,api,1,1\n"
                + "2026-06-01T00:00:00Z,zeta,1,1\n"
                + "2026-06-01T00:00:00Z,beta,1,1\n"
                + "2026-06-01T00:01:00Z,zeta,1,1\n",
            Set.of("api"));

    assertThat(d.series()).containsOnlyKeys("api");
    assertThat(d.rows()).isEqualTo(4);
    assertThat(d.warnings())
        .containsExactly("data.csv: skipped 3 rows for SLOs not in the spec: beta, zeta");
  }

  @Test
  void shouldReadAnEmptyFileAsNoRows() {
    assertThat(read("", null).rows()).isZero();
    assertThat(read(HEADER, null).series()).isEmpty();
  }

  @Test
  void shouldSumRowsAtTheSameInstant() {
    DataSet d = read(HEADER + "1780272000,api,1,2\n2026-06-01T00:00:00Z,api,3,4\n", null);

    assertThat(d.series().get("api").size()).isEqualTo(1);
    assertThat(all(d, "api")).isEqualTo(new EventCounts(4, 6));
  }

  @Test
  void shouldNameTheLineOfATimestampOutsideTheSupportedRange() {
    assertThatThrownBy(
            () ->
                read(HEADER + "2026-06-01T00:00:00Z,api,1,1\n3000-01-01T00:00:00Z,api,1,1\n", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.csv:3: \"3000-01-01T00:00:00Z\" is not a valid timestamp");
    assertThatThrownBy(() -> read(HEADER + "99999999999,api,1,1\n", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.csv:2: \"99999999999\" is not a valid timestamp");
  }

  @Test
  void shouldNameTheLineWhereCountsOverflow() {
    String big = "9000000000000000000";
    String text =
        HEADER
            + "2026-06-01T00:00:00Z,api,"
            + big
            + ","
            + big
            + "\n"
            + "2026-06-01T00:00:00Z,other,"
            + big
            + ","
            + big
            + "\n"
            + "2026-06-01T00:01:00Z,api,0,"
            + big
            + "\n";

    assertThatThrownBy(() -> read(text, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data.csv:4: total_events of slo_id api add up to more than");
  }
}
