package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line summaries of maintain, verify and a load, and the texts they are configured by. */
class StoreReportTextTest {
  private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

  @Test
  void shouldSummariseAMaintenanceRunWithDroppedPartitionsAndStrayRows() {
    JdbcStore.MaintenanceReport r =
        new JdbcStore.MaintenanceReport(
            List.of("a", "b"),
            List.of("sli_raw_20261001"),
            4,
            new JdbcStore.RetentionPolicy(
                Duration.ofDays(35), Duration.ofDays(400), Duration.ofDays(1826)),
            "built-in DDL");
    assertThat(r.describe("db@host/slo"))
        .isEqualTo(
            "db@host/slo: retention raw 35d, hourly 400d, daily 1826d; created 2 partitions,"
                + " dropped 1 [sli_raw_20261001], removed 4 expired rows from default partitions;"
                + " partitions kept by built-in DDL");
  }

  @Test
  void shouldSummariseAQuietMaintenanceRunWithoutDroppedOrStrayParts() {
    JdbcStore.MaintenanceReport r =
        new JdbcStore.MaintenanceReport(
            List.of(),
            List.of(),
            0,
            new JdbcStore.RetentionPolicy(
                Duration.ofDays(35), Duration.ofDays(400), Duration.ofDays(1826)),
            "pg_partman 4.7.2 (schema partman)");
    assertThat(r.describe("t"))
        .endsWith(
            "created 0 partitions, dropped 0; partitions kept by pg_partman 4.7.2 (schema partman)");
  }

  @Test
  void shouldListADifferenceAndSayHowManyOfTheDifferingBucketsAreListed() {
    JdbcStore.RollupDifference d =
        new JdbcStore.RollupDifference("hour", "api", DAY, 6, 9, 3, 5, 9, 2);
    assertThat(d)
        .hasToString("api hour 2026-11-20T00:00:00Z: rollup 5/9 in 2 rows, raw 6/9 in 3 rows");
    JdbcStore.VerifyReport r =
        new JdbcStore.VerifyReport(DAY, DAY.plus(Duration.ofDays(1)), 3, List.of(d));
    assertThat(r.describe("t", "built-in DDL"))
        .isEqualTo(
            "t: checked 2026-11-20T00:00:00Z to 2026-11-21T00:00:00Z: 3 buckets differ (first 1"
                + " listed); partitions kept by built-in DDL");
    assertThat(new JdbcStore.VerifyReport(DAY, DAY, 0, List.of()).describe("t", "k"))
        .contains(": every hour and day bucket equals its raw rows; partitions kept by k");
  }

  @Test
  void shouldSayWhenRowsWereSummedOrStaged() {
    assertThat(new StagedIngest.Result(10, 10, 0, null).describe("d.csv", "t"))
        .isEqualTo("d.csv: stored 10 rows in t");
    assertThat(new StagedIngest.Result(10, 8, 2, "steps repeat").describe("d.csv", "t"))
        .isEqualTo(
            "d.csv: stored 8 rows in t (10 rows read; 2 rows shared a step with another row of"
                + " the same SLO and were summed into it); read twice through a staging table:"
                + " steps repeat");
  }

  @Test
  void shouldParseRetentionsInYearsAndRefuseOthersLeadingWithTheText() {
    assertThat(JdbcStore.RetentionPolicy.parse("5y")).isEqualTo(Duration.ofDays(1826));
    assertThat(JdbcStore.RetentionPolicy.parse("35d")).isEqualTo(Duration.ofDays(35));
    assertThatThrownBy(() -> JdbcStore.RetentionPolicy.parse("soon"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("soon: not a duration; use for example 35d, 400d or 5y");
    assertThat(JdbcStore.Partitioner.of("pg_partman")).isEqualTo(JdbcStore.Partitioner.PG_PARTMAN);
    assertThatThrownBy(() -> JdbcStore.Partitioner.of("x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("x: not one of auto, pg_partman, builtin");
  }
}
