package dev.slo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Small specs and data files for report tests. */
final class ReportFiles {
  /** An SLO whose name, service and description try to inject HTML and Markdown; one healthy. */
  static final String HOSTILE_SPEC =
      """
      slos:
        - slo_id: evil_one
          slo_name: "<script>alert(1)</script> | pipe *bold* [x](http://e.example)"
          service_name: "a&b <img src=x onerror=alert(2)>"
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_24H
          description: "\\"><svg onload=alert(3)>\\nsecond line with 'quotes'"
        - slo_id: fine
          slo_name: Fine
          service_name: web
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_24H
      """;

  /** Calendar-month SLOs in Berlin and UTC, and a quarterly one in New York. */
  static final String CALENDAR_SPEC =
      """
      slos:
        - slo_id: berlin
          slo_name: Berlin month
          service_name: web
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: CALENDAR_MONTH
          time_zone: Europe/Berlin
        - slo_id: utc
          slo_name: UTC month
          service_name: web
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: CALENDAR_MONTH
        - slo_id: quarterly
          slo_name: New York quarter
          service_name: web
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: CALENDAR_QUARTER
          time_zone: America/New_York
        - slo_id: rolling
          slo_name: Rolling week
          service_name: web
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
      """;

  private ReportFiles() {}

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hourly rows over the 24 hours before {@code end}: evil_one 5% bad, fine all good. */
  static String hostileData(Instant end) {
    StringBuilder sb = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    for (int h = 0; h < 24; h++) {
      Instant t = end.minus(Duration.ofHours(h));
      sb.append(t).append(",evil_one,95,100\n").append(t).append(",fine,100,100\n");
    }
    return sb.toString();
  }

  /**
   * For an SLO and a period {@code (start, end]}: 5 bad events exactly at start (outside), 100 good
   * a second later, 50 good exactly at end (inside) and 7 bad a second after end (outside).
   */
  static String boundaryRows(String sloId, Instant start, Instant end) {
    return start
        + ","
        + sloId
        + ",0,5\n"
        + start.plusSeconds(1)
        + ","
        + sloId
        + ",100,100\n"
        + end
        + ","
        + sloId
        + ",50,50\n"
        + end.plusSeconds(1)
        + ","
        + sloId
        + ",0,7\n";
  }
}
