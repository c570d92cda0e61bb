package dev.slo.report.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.spec.SpecParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Renderer}: the figures of one evaluation in each format of {@code slo eval}. */
class RendererTest {
  private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

  /**
   * 99% over 7 days; 24 hourly rows of 1000 events with 5 bad: SLI 99.5%, 120 bad of 240 allowed
   * (50% of the budget left), burn over the last hour 0.005 / 0.01 = 0.5.
   */
  private static Evaluation evaluation(String service) {
    Slo slo =
        SpecParser.parseSlo(
            "t",
            "{\"slo_id\": \"api\", \"slo_name\": \"API\", \"service_name\": \""
                + service
                + "\", \"slo_type\": \"AVAILABILITY\", \"target_percentage\": 99,"
                + " \"time_period\": \"ROLLING_7D\"}");
    EventSeries.Builder b = EventSeries.builder(32);
    for (int h = 23; h >= 0; h--) {
      b.add(AT.minus(Duration.ofHours(h)), 995, 1000);
    }
    return new Evaluator().evaluate(slo, new InMemoryEventSource(Map.of("api", b.build())), AT);
  }

  @Test
  void shouldPrintATableRowWithTheHandComputedFigures() {
    String table = Renderer.render(List.of(evaluation("svc")), Format.TABLE);
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0)).startsWith("SLO  SERVICE  PERIOD      TARGET  SLI    BUDGET LEFT");
    assertThat(lines.get(1).split(" +"))
        .startsWith("api", "svc", "ROLLING_7D", "99%", "99.5%", "50.0%", "0.50x");
  }

  @Test
  void shouldSayWhenNothingIsSelected() {
    assertThat(Renderer.render(List.of(), Format.TABLE)).isEqualTo("No enabled SLOs selected.\n");
  }

  @Test
  void shouldKeepAMarkdownCellOneCell() {
    String md = Renderer.render(List.of(evaluation("a|<b>")), Format.MARKDOWN);
    assertThat(md.lines().toList().get(1))
        .isEqualTo("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    assertThat(md).contains("| api | a\\|&lt;b&gt; | ROLLING_7D | 99% | 99.5% | 50.0% | 0.50x |");
  }

  @Test
  void shouldWriteTheStatusObjectsAsJsonAndYaml() {
    List<Evaluation> e = List.of(evaluation("svc"));
    assertThat(Renderer.render(e, Format.JSON))
        .startsWith("[ {")
        .contains("\"slo_id\" : \"api\"")
        .endsWith("} ]\n");
    assertThat(Renderer.json(e, false)).startsWith("[{\"slo_id\":\"api\"");
    assertThat(Renderer.render(e, Format.YAML)).startsWith("- slo_id: \"api\"");
  }

  @Test
  void shouldPrintPercentagesWithAtMostFourDecimalsAndNoTrailingZeros() {
    assertThat(Renderer.percent(99.746)).isEqualTo("99.746%");
    assertThat(Renderer.percent(99.0)).isEqualTo("99%");
    assertThat(Renderer.percent(99.99999)).isEqualTo("100%");
    assertThat(Renderer.percent(12.34567)).isEqualTo("12.3457%");
  }
}
