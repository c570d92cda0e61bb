package dev.slo.report.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.store.SliMetric;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HistoryText}: the three shapes of {@code slo history}, written out by hand. */
class HistoryTextTest {
  private static final List<SliMetric> ROWS =
      List.of(
          new SliMetric(
              "api", Instant.parse("2026-11-20T10:00:00Z"), 99.5, 995, 1000, true, null, null),
          new SliMetric("api", Instant.parse("2026-11-20T10:01:00Z"), 50, 1, 2, null, null, null));

  @Test
  void shouldAlignTheTableAndShowTheSliWithFourDecimals() {
    assertThat(HistoryText.render(ROWS, HistoryText.Format.TABLE))
        .isEqualTo(
            "TIMESTAMP                        GOOD        TOTAL        SLI\n"
                + "2026-11-20T10:00:00Z              995         1000   99.5000%\n"
                + "2026-11-20T10:01:00Z                1            2   50.0000%\n");
  }

  @Test
  void shouldWriteCsvInTheColumnsOfAnEventDataFile() {
    assertThat(HistoryText.render(ROWS, HistoryText.Format.CSV))
        .isEqualTo(
            "timestamp,slo_id,good_events,total_events\n"
                + "2026-11-20T10:00:00Z,api,995,1000\n"
                + "2026-11-20T10:01:00Z,api,1,2\n");
  }

  @Test
  void shouldWriteOneJsonArrayOfSliMetricObjects() {
    assertThat(HistoryText.render(ROWS, HistoryText.Format.JSON))
        .isEqualTo(
            "[{\"slo_id\":\"api\",\"timestamp\":\"2026-11-20T10:00:00.000Z\",\"sli_value\":99.5,"
                + "\"good_events\":995,\"total_events\":1000,\"is_good\":true},"
                + "{\"slo_id\":\"api\",\"timestamp\":\"2026-11-20T10:01:00.000Z\",\"sli_value\":50.0,"
                + "\"good_events\":1,\"total_events\":2,\"is_good\":null}]\n");
  }

  @Test
  void shouldPrintOnlyTheHeaderOrAnEmptyArrayForNoRows() {
    assertThat(HistoryText.render(List.of(), HistoryText.Format.CSV))
        .isEqualTo("timestamp,slo_id,good_events,total_events\n");
    assertThat(HistoryText.render(List.of(), HistoryText.Format.JSON)).isEqualTo("[]\n");
    assertThat(HistoryText.render(List.of(), HistoryText.Format.TABLE)).hasLineCount(1);
  }
}
