package dev.slo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ReportBuilder#endedPeriod}: a period is refused before any data is read. */
class ReportBuilderPeriodTest {
  private static final List<Slo> SLOS =
      SpecParser.parse(
              "s.yaml",
              """
              slos:
                - {slo_id: berlin, slo_name: B, service_name: s, slo_type: AVAILABILITY,
                   target_percentage: 99, time_period: CALENDAR_MONTH, time_zone: Europe/Berlin}
                - {slo_id: ny, slo_name: N, service_name: s, slo_type: AVAILABILITY,
                   target_percentage: 99, time_period: CALENDAR_MONTH,
                   time_zone: America/New_York}
              """)
          .slos();

  private static final ReportPeriod OCTOBER = ReportPeriod.parse("2026-10");

  @Test
  void shouldRefuseAPeriodNotEndedInTheZoneWhereItEndsLast() {
    ReportBuilder b =
        Report.builder().slos(SLOS).generatedAt(Instant.parse("2026-11-01T03:00:00Z"));
    assertThatThrownBy(() -> b.endedPeriod(OCTOBER))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("period"))
        .hasMessageStartingWith("2026-10: the period has not ended yet")
        .hasMessageContaining("in America/New_York");
  }

  @Test
  void shouldTakeAPeriodEndedInEveryZone() {
    ReportBuilder b =
        Report.builder().slos(SLOS).generatedAt(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(b.endedPeriod(OCTOBER)).isSameAs(b);
  }

  @Test
  void shouldNeedTheTimeOfMakingFirst() {
    ReportBuilder b = Report.builder().slos(SLOS);
    assertThatThrownBy(() -> b.endedPeriod(OCTOBER))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("generatedAt");
  }
}
