package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports shade corrected intervals on the charts and list the corrections. */
class ReportCorrectionsTest {
  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  @TempDir Path dir;

  @Test
  void shouldShadeAndListTheCorrections() throws Exception {
    String spec =
        """
        slos:
          - slo_id: api
            slo_name: API availability
            service_name: api
            slo_type: AVAILABILITY
            target_percentage: 99
            time_period: ROLLING_24H
            corrections:
              - id: nightly
                start: 2026-11-19T02:00:00Z
                duration: 2h
                category: scheduled_maintenance
                description: Nightly backup
                rrule: FREQ=DAILY
        """;
    StringBuilder rows = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    for (int m = 0; m < 24 * 60; m += 10) {
      Instant t = NOW.minus(Duration.ofMinutes(m));
      rows.append(t).append(",api,").append(m > 480 && m <= 600 ? 0 : 100).append(",100\n");
    }
    Path s = Files.writeString(dir.resolve("slos.yaml"), spec);
    Path d = Files.writeString(dir.resolve("events.csv"), rows.toString());
    ReportRun html =
        ReportRun.at(
            NOW, "report", "--spec", s.toString(), "--data", d.toString(), "--at", NOW.toString());
    assertThat(html.code()).as(html.err()).isZero();
    // bad rows at 02:00 ... 03:50; (02:00, 04:00] removes 02:10 ... 04:00 (12 rows, 11 bad) and
    // keeps the bad row exactly at its start: 100 bad of 13,200 left, 75.8% of the budget spent.
    // On the 24-hour axis from Nov 19 12:00, 2 hours is 1/12 of 560 px
    Matcher rect =
        Pattern.compile("<rect class=\"corrected\" x=\"([0-9.]+)\" y=\"12\" width=\"([0-9.]+)\"")
            .matcher(html.out());
    assertThat(rect.find()).isTrue();
    assertThat(Double.parseDouble(rect.group(1))).isEqualTo(64 + 560 * 14.0 / 24, within());
    assertThat(Double.parseDouble(rect.group(2))).isEqualTo(560 * 2.0 / 24, within());
    assertThat(html.out())
        .contains("<h3>Corrections</h3>")
        .contains("Removed 1200 events (1100 bad) over 2h of corrected time.")
        .contains("nightly (scheduled_maintenance, FREQ=DAILY in UTC): 1 occurrence, 2h - Nightly")
        .contains("svg .corrected");
    ReportRun md =
        ReportRun.at(
            NOW,
            "report",
            "--spec",
            s.toString(),
            "--data",
            d.toString(),
            "--at",
            NOW.toString(),
            "--format",
            "markdown");
    assertThat(md.out())
        .contains("**Corrections:**")
        .contains("- api: Removed 1200 events (1100 bad) over 2h of corrected time.");
    assertThat(md.out()).contains("| WARNING |").contains("24.2%");
  }

  @Test
  void shouldAnnotateTheDashboardWithActiveCorrections() throws Exception {
    ReportRun r = ReportRun.of("dashboard", "--spec", ReportRun.SPEC.toString());
    assertThat(r.code()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode a =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(r.out())
            .get("annotations")
            .get("list")
            .get(0);
    assertThat(a.get("name").asText()).isEqualTo("Corrections");
    assertThat(a.get("expr").asText())
        .isEqualTo("max by (slo_id, correction_id) (slo:correction_active)");
    assertThat(a.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.06);
  }
}
