package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.group.Groups;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSource;
import dev.slo.testing.GroupedWorkload;
import dev.slo.testing.VictoriaMetricsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grouped SLO on the second engine, VictoriaMetrics, loaded with the samples of {@link
 * GroupedPrometheusIT}: discovery finds the three routes, exact mode gives the data file's numbers
 * per group, pushdown stays within increase()'s extrapolation of them.
 */
class GroupedVictoriaMetricsIT {
  @TempDir static Path dir;
  static VictoriaMetricsServer server;
  static PrometheusClient client;

  @BeforeAll
  static void start() throws Exception {
    VictoriaMetricsServer.assumeInstalled();
    GroupedPrometheusIT.work = new GroupedWorkload();
    server = VictoriaMetricsServer.start(dir, GroupedPrometheusIT.work.openMetrics());
    client = PrometheusClient.builder(server.url).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldEvaluateEveryRouteAsTheDataFile() {
    Slo t = GroupedPrometheusIT.template(TimePeriod.ROLLING_7D);
    EventSource file = GroupedPrometheusIT.known(t);
    Instant at = GroupedWorkload.END.minus(Duration.ofMinutes(20));
    PrometheusSource exact =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5));
    PrometheusSource push = PrometheusSource.pushdown(client);
    List<Slo> groups = Groups.expand(t, push, at.minus(Duration.ofDays(7)), at).slos();
    assertThat(groups)
        .extracting(g -> g.groupLabels().get("route"))
        .containsExactly("/cart", "/pay", "/search");
    for (Slo g : groups) {
      Evaluation f = new Evaluator().evaluate(g, file, at);
      assertThat(new Evaluator().evaluate(g, exact, at)).as(g.sloId()).isEqualTo(f);
      Evaluation p = new Evaluator().evaluate(g, push, at);
      assertThat(p.currentSliPercent())
          .as(g.sloId())
          .isCloseTo(f.currentSliPercent(), within(1e-3));
      for (Map.Entry<String, Double> b : f.burnRateLabels().entrySet()) {
        double got = p.burnRateLabels().get(b.getKey());
        assertThat(got)
            .as(g.sloId() + " burn " + b.getKey())
            .isCloseTo(b.getValue(), within(0.02 * b.getValue() + 0.01));
      }
      assertThat(p.alerts().isEmpty()).as(g.sloId()).isEqualTo(f.alerts().isEmpty());
    }
  }
}
