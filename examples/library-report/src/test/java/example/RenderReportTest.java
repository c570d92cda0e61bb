package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.report.Report;
import dev.slo.report.ReportFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A program that depends on slo-report alone renders an HTML report. */
class RenderReportTest {
  @Test
  void rendersHtmlFromCode() {
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    Slo slo =
        Slo.builder()
            .sloId("api")
            .sloName("API")
            .serviceName("api")
            .sloType(SloType.AVAILABILITY)
            .targetPercentage(99)
            .timePeriod(TimePeriod.ROLLING_7D)
            .build();
    EventSeries.Builder events = EventSeries.builder(10_080);
    for (int m = 10_079; m >= 0; m--) {
      events.add(now.minus(Duration.ofMinutes(m)), 995, 1000);
    }
    String html =
        Report.builder()
            .slos(List.of(slo))
            .source(new InMemoryEventSource(Map.of("api", events.build())))
            .at(now)
            .generatedAt(now)
            .build()
            .render(ReportFormat.HTML);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("99.5%"), "the SLI is in the report");
  }
}
