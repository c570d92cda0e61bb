package dev.slo.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.window.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report asks its source instant by instant (all SLOs at one instant, then the next), so a source
 * that reads a whole fleet per instant reads it once per instant; the report is the one evaluating
 * SLO by SLO would give.
 */
class ReportBuilderOrderTest {
  private static final List<Slo> SLOS =
      SpecParser.parse(
              "s.yaml",
              """
              slos:
                - {slo_id: a, slo_name: A, service_name: s, slo_type: AVAILABILITY,
                   target_percentage: 99, time_period: ROLLING_7D}
                - {slo_id: b, slo_name: B, service_name: s, slo_type: AVAILABILITY,
                   target_percentage: 99.9, time_period: ROLLING_30D}
                - {slo_id: c, slo_name: C, service_name: s, slo_type: AVAILABILITY,
                   target_percentage: 95, time_period: CALENDAR_MONTH}
              """)
          .slos();

  private static final Instant AT = Instant.parse("2026-11-20T13:17:00Z");

  /** Counts that depend on the SLO and the window only: 1,000 events a minute, some bad. */
  private static List<EventCounts> counts(Slo slo, List<Window> windows) {
    List<EventCounts> out = new ArrayList<>();
    for (Window w : windows) {
      long minutes = java.time.Duration.between(w.start(), w.end()).toMinutes();
      long bad = (w.end().getEpochSecond() / 60 % 7) + slo.sloId().charAt(0) % 3;
      out.add(new EventCounts(Math.max(0, minutes * 1000 - bad), minutes * 1000));
    }
    return out;
  }

  @Test
  void shouldAskTheSourceInstantByInstantForTheSameReport() {
    List<Instant> asked = new ArrayList<>();
    EventSource source =
        (slo, windows) -> {
          asked.add(windows.stream().map(Window::end).max(Instant::compareTo).orElseThrow());
          return counts(slo, windows);
        };
    Report report = Report.builder().slos(SLOS).source(source).at(AT).generatedAt(AT).build();
    // the report's own instant first for every SLO, then the chart's instants in time order
    assertThat(asked.subList(0, SLOS.size())).containsOnly(AT);
    assertThat(asked.subList(SLOS.size(), asked.size())).isSorted();
    // what evaluating SLO by SLO gives
    for (SloReport r : report.slos()) {
      Slo slo = r.evaluation().slo();
      assertThat(r.evaluation())
          .isEqualTo(new Evaluator().evaluate(slo, ReportBuilderOrderTest::counts, AT));
      assertThat(r.series()).isNotEmpty().last().isEqualTo(SeriesPoint.of(r.evaluation()));
      for (SeriesPoint p : r.series()) {
        assertThat(p)
            .isEqualTo(
                SeriesPoint.of(
                    new Evaluator().evaluate(slo, ReportBuilderOrderTest::counts, p.at())));
      }
    }
    assertThat(report.slos())
        .extracting(r -> r.evaluation().slo().sloId())
        .containsExactlyInAnyOrder("a", "b", "c");
  }
}
