package dev.slo.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Small spec and data files with known answers. */
final class Fixtures {
  static final String SPEC =
      """
      slos:
        - slo_id: api
          slo_name: API availability
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
        - slo_id: web
          slo_name: Web availability
          service_name: web
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_24H
        - slo_id: off
          slo_name: Disabled
          service_name: web
          slo_type: CUSTOM
          target_percentage: 90
          time_period: ROLLING_1H
          enabled: false
      """;

  private Fixtures() {}

  static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * api: 30 days of 1-minute rows, 1000 events each, 0 bad, except the last hour with 20 bad per
   * minute (burn 20x over 1h). web: 24 hours of 1-minute rows, 100 events, 0 bad.
   */
  static String data() {
    StringBuilder sb = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    Instant end = CliRun.NOW;
    for (int m = 0; m < 30 * 24 * 60; m++) {
      Instant t = end.minus(Duration.ofMinutes(m));
      int bad = m < 60 ? 20 : 0;
      sb.append(t).append(",api,").append(1000 - bad).append(",1000\n");
      if (m < 24 * 60) {
        sb.append(t.getEpochSecond()).append(",web,100,100\n");
      }
    }
    return sb.toString();
  }
}
