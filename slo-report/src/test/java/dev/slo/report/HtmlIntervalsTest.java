package dev.slo.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.spec.SpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTML report shows the SLI's 95% Wilson intervals that the JSON report carries. */
class HtmlIntervalsTest {
  private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

  private static String html(long good, long total, Duration ago) {
    Slo slo =
        SpecParser.parseSlo(
            "t",
            "{\"slo_id\": \"api\", \"slo_name\": \"API\", \"service_name\": \"s\", \"slo_type\":"
                + " \"AVAILABILITY\", \"target_percentage\": 99, \"time_period\": \"ROLLING_7D\"}");
    EventSeries series = EventSeries.builder(1).add(AT.minus(ago), good, total).build();
    return Report.builder()
        .slos(List.of(slo))
        .source(new InMemoryEventSource(Map.of("api", series)))
        .at(AT)
        .generatedAt(AT)
        .build()
        .render(ReportFormat.HTML);
  }

  @Test
  void shouldShowThePeriodIntervalInThePeriodColumn() {
    // 990 of 1000: p = 0.99, n = 1000, z = 1.959964:
    // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) = [98.16905%, 99.45592%]
    String html = html(990, 1000, Duration.ofMinutes(1));
    assertThat(html.substring(html.indexOf("<tr class=\"ci\">")))
        .startsWith("<tr class=\"ci\"><th>SLI 95% interval</th>")
        .contains("<td class=\"num\">98.1691\u201399.4559%</td></tr>");
  }

  @Test
  void shouldShowEachWindowsIntervalUnderItsBurnRateAndADashWithoutEvents() {
    // all 1000 good, 40 minutes ago: [1000 / (1000 + z²), 1] = [99.6173%, 100%] in 1h and
    // longer windows; none in 5m and 30m
    String html = html(1000, 1000, Duration.ofMinutes(40));
    String row =
        html.substring(
            html.indexOf("<tr class=\"ci\">"),
            html.indexOf("</tr>", html.indexOf("<tr class=\"ci\">")));
    assertThat(row)
        .isEqualTo(
            "<tr class=\"ci\"><th>SLI 95% interval</th>"
                + "<td class=\"num\">-</td><td class=\"num\">-</td>"
                + "<td class=\"num\">99.6173\u2013100%</td>".repeat(6));
    assertThat(html).contains("<thead><tr><th></th><th class=\"num\">5m</th>");
  }

  @Test
  void shouldShowADashWithoutData() {
    String html = html(0, 0, Duration.ofMinutes(1));
    int row = html.indexOf("<tr class=\"ci\">");
    assertThat(html.substring(row, html.indexOf("</tbody>", row)))
        .isEqualTo(
            "<tr class=\"ci\"><th>SLI 95% interval</th>"
                + "<td class=\"num\">-</td>".repeat(8)
                + "</tr>");
  }
}
