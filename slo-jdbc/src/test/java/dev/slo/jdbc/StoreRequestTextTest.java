package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The requests of maintain and verify as people write them, the line of a migration and the
 * warnings of a load: checked and written by the store, named by field, no database needed.
 */
class StoreRequestTextTest {
  private static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");

  private static void refused(Runnable call, String field, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ValidationException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
  }

  @Test
  void shouldReadAMaintenanceRequestAndKeepTheRetentionsNotGiven() {
    MaintenanceRequest r = MaintenanceRequest.of(null, "400d", "5y", "7d", "pg_partman");
    assertThat(r.raw()).isNull();
    assertThat(r.hourly()).isEqualTo(Duration.ofDays(400));
    assertThat(r.daily()).isEqualTo(Duration.ofDays(1826));
    assertThat(r.ahead()).isEqualTo(Duration.ofDays(7));
    assertThat(r.partitioner()).isEqualTo(JdbcStore.Partitioner.PG_PARTMAN);
  }

  @Test
  void shouldNameTheFirstBadValueOfAMaintenanceRequestByItsField() {
    String use = ": not a duration; use for example 35d, 400d or 5y";
    refused(
        () -> MaintenanceRequest.of("35x", null, null, "7d", "auto"), "raw_retention", "35x" + use);
    refused(
        () -> MaintenanceRequest.of(null, "x", "y", "7d", "auto"), "hourly_retention", "x" + use);
    refused(
        () -> MaintenanceRequest.of(null, null, "0d", "7d", "auto"), "daily_retention", "0d" + use);
    refused(() -> MaintenanceRequest.of(null, null, null, "soon", "x"), "ahead", "soon" + use);
    refused(
        () -> MaintenanceRequest.of(null, null, null, "7d", "foo"),
        "partitioner",
        "foo: not one of auto, pg_partman, builtin");
  }

  @Test
  void shouldCheckWholeDaysTwoBeforeNowByDefault() {
    VerifyDays d = VerifyDays.of(null, null, NOW);
    assertThat(d.from()).isEqualTo(Instant.parse("2026-11-18T00:00:00Z"));
    assertThat(d.to()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(d.isEmpty()).isFalse();
    VerifyDays one = VerifyDays.of("2026-11-19T23:00:00Z", "1763596800", NOW);
    assertThat(one.isEmpty()).isTrue();
  }

  @Test
  void shouldRefuseADayThatIsNoTimestampByItsField() {
    String use = ": not a timestamp; use RFC 3339 or Unix seconds";
    refused(() -> VerifyDays.of("x", null, NOW), "from", "x" + use);
    refused(() -> VerifyDays.of("x", "y", NOW), "from", "x" + use);
    refused(() -> VerifyDays.of(null, "2026-11-19", NOW), "to", "2026-11-19" + use);
  }

  @Property(tries = 200)
  void shouldAlwaysSpanWholeUtcDaysHoldingBothEnds(
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long a,
      @ForAll @LongRange(min = 0, max = 400L * 86_400) long span) {
    VerifyDays d = VerifyDays.of(String.valueOf(a), String.valueOf(a + span), NOW);
    assertThat(d.from().getEpochSecond() % 86_400).isZero();
    assertThat(d.to().getEpochSecond() % 86_400).isZero();
    assertThat(d.from()).isBeforeOrEqualTo(Instant.ofEpochSecond(a));
    assertThat(d.to()).isAfter(Instant.ofEpochSecond(a + span));
    assertThat(Duration.between(d.from(), d.to()))
        .isLessThanOrEqualTo(Duration.ofSeconds(span).plusDays(2));
  }

  @Test
  void shouldDescribeAMigrationRun() {
    assertThat(new MigrationResult(0, 11, List.of("V1: a", "V2: b"), true).describe("h:5432/db"))
        .isEqualTo(
            "h:5432/db: schema version 0 -> 11, applied [V1: a, V2: b], sli_metrics_ts is a"
                + " TimescaleDB hypertable");
    assertThat(new MigrationResult(11, 11, List.of(), false).describe("h:5432/db"))
        .isEqualTo("h:5432/db: schema version 11 -> 11, already current");
  }

  @Test
  void shouldWarnOfSkippedRowsAndOfAlertTiersTheStoreDoesNotKeep() {
    StagedIngest.Result stored = new StagedIngest.Result(3, 1, 0, null);
    assertThat(new DataSetLoad.Outcome(stored, 0).skippedWarning("e.csv", true)).isEmpty();
    assertThat(new DataSetLoad.Outcome(stored, 2).skippedWarning("e.csv", true))
        .isEqualTo(Optional.of("e.csv: skipped 2 rows for SLOs not in the spec"));
    assertThat(new DataSetLoad.Outcome(stored, 2).skippedWarning("e.csv", false))
        .isEqualTo(Optional.of("e.csv: skipped 2 rows for SLOs not in the database"));
    Slo plain = slo("api").build();
    Slo tiered = slo("web").alertTiers(AlertPolicy.tiersFor(Duration.ofDays(30))).build();
    assertThat(DataSetLoad.warnings(List.of(plain, tiered)))
        .containsExactly(
            "web: alert_tiers are not kept by the database store yet; evaluations from it use the"
                + " default tiers");
  }

  private static Slo.Builder slo(String id) {
    return Slo.builder()
        .sloId(id)
        .sloName(id)
        .serviceName(id)
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99.9)
        .timePeriod(TimePeriod.ROLLING_30D);
  }
}
