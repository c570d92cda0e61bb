package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JdbcStore.VerifyReport#text}: what {@code slo db verify} prints. */
class VerifyReportTextTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

  @Test
  void shouldListEachDifferenceOnItsLineThenTheSummary() {
    JdbcStore.RollupDifference d =
        new JdbcStore.RollupDifference("hour", "api", DAY, 6, 9, 3, 5, 9, 2);
    JdbcStore.VerifyReport r =
        new JdbcStore.VerifyReport(DAY, DAY.plus(Duration.ofDays(1)), 1, List.of(d));
    assertThat(r.text("t", "k")).isEqualTo(d + "\n" + r.describe("t", "k") + "\n");
  }

  @Test
  void shouldBeTheSummaryAloneWhenNothingDiffers() {
    JdbcStore.VerifyReport r = new JdbcStore.VerifyReport(DAY, DAY, 0, List.of());
    assertThat(r.text("t", "k")).isEqualTo(r.describe("t", "k") + "\n").hasLineCount(1);
  }
}
