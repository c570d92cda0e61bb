package dev.slo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SvgChartTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private static SvgChart chart(String label, @org.jspecify.annotations.Nullable Double... values) {
    List<SvgChart.Point> points =
        java.util.stream.IntStream.range(0, values.length)
            .mapToObj(i -> new SvgChart.Point(T0.plus(Duration.ofHours(i + 1)), values[i]))
            .toList();
    return new SvgChart(
        label,
        T0,
        T0.plus(Duration.ofHours(values.length)),
        ZoneId.of("UTC"),
        points,
        List.of(new SvgChart.Guide(25, "warning", "warning")),
        v -> String.format(Locale.ROOT, "%.0f%%", v),
        "budget");
  }

  @Test
  void shouldCoverTheRangeWithRoundTicks() {
    assertThat(SvgChart.ticks(0, 100)).containsExactly(0, 25, 50, 75, 100);
    assertThat(SvgChart.ticks(-130, 100)).containsExactly(-200, -100, 0, 100);
    double[] sli = SvgChart.ticks(99.41, 100);
    assertThat(sli[0]).isLessThanOrEqualTo(99.41);
    assertThat(sli[sli.length - 1]).isGreaterThanOrEqualTo(100);
    assertThat(sli.length).isBetween(3, 8);
    assertThat(SvgChart.ticks(5, 5)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldBreakTheLineWhereAValueIsMissing() {
    String svg = chart("x", 90.0, 80.0, null, 70.0, 60.0).render(0, 100);
    String d = svg.replaceAll("(?s).*<path class=\"series budget\" d=\"([^\"]*)\".*", "$1");
    assertThat(d.chars().filter(c -> c == 'M')).hasSize(2);
    assertThat(d.chars().filter(c -> c == 'L')).hasSize(2);
    assertThat(svg).contains("<circle class=\"dot budget\"", "warning");
  }

  @Test
  void shouldEscapeTheLabel() {
    String svg = chart("<b onclick=\"x\">&</b>", 1.0).render(0, 100);
    assertThat(svg)
        .doesNotContain("<b ")
        .contains("&lt;b onclick=&quot;x&quot;&gt;&amp;&lt;/b&gt;");
  }
}
