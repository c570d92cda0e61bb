package dev.slo.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.window.DurationText;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/math.md shows the tier table of every named period; it must match the code. */
class AlertTableDocTest {
  private static final Map<String, Duration> PERIODS = new LinkedHashMap<>();

  static {
    PERIODS.put("ROLLING_1H", Duration.ofHours(1));
    PERIODS.put("ROLLING_24H", Duration.ofHours(24));
    PERIODS.put("ROLLING_7D", Duration.ofDays(7));
    PERIODS.put("ROLLING_30D", Duration.ofDays(30));
    PERIODS.put("CALENDAR_MONTH (28 days)", Duration.ofDays(28));
    PERIODS.put("CALENDAR_MONTH (29 days)", Duration.ofDays(29));
    PERIODS.put("CALENDAR_MONTH (30 days)", Duration.ofDays(30));
    PERIODS.put("CALENDAR_MONTH (31 days)", Duration.ofDays(31));
    PERIODS.put(
        "CALENDAR_MONTH (31 days minus 1 h, March in New York)", Duration.ofHours(31 * 24 - 1));
    PERIODS.put("CALENDAR_QUARTER (90 days)", Duration.ofDays(90));
    PERIODS.put("CALENDAR_QUARTER (91 days)", Duration.ofDays(91));
    PERIODS.put("CALENDAR_QUARTER (92 days)", Duration.ofDays(92));
  }

  @Test
  void shouldShowTheComputedTierTableForEverySeedPeriod() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "math.md"));
    for (Map.Entry<String, Duration> p : PERIODS.entrySet()) {
      StringBuilder table = new StringBuilder("### " + p.getKey() + "\n\n");
      table.append(
          "| tier | severity | long window | short window | burn-rate factor | budget spent at"
              + " factor over the long window |\n| --- | --- | --- | --- | --- | --- |\n");
      for (AlertTier t : AlertPolicy.tiersFor(p.getValue())) {
        table
            .append("| ")
            .append(t.name())
            .append(" | ")
            .append(t.severity().label())
            .append(" | ")
            .append(DurationText.format(t.longWindow()))
            .append(" | ")
            .append(DurationText.format(t.shortWindow()))
            .append(" | ")
            .append(
                t.factor().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString())
            .append(" | ")
            .append(t.budgetShare().movePointRight(2).stripTrailingZeros().toPlainString())
            .append("% |\n");
      }
      assertThat(doc).as(p.getKey()).contains(table.toString());
    }
  }
}
