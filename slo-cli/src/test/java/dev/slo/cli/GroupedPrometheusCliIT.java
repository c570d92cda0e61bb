package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.testing.GroupedWorkload;
import dev.slo.testing.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo eval|check --prometheus} on a grouped SLO (three routes) print exactly what {@code
 * --data} prints for the same counts in a data file with a {@code labels} column.
 */
class GroupedPrometheusCliIT {
  @TempDir static Path dir;
  static PrometheusServer server;
  static Path spec;
  static Path data;

  static final String SPEC =
      """
      slos:
        - slo_id: shop
          slo_name: Shop availability
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_7D
          group_by: [route]
          bad_counter: 'shop_requests_total{service="shop",code="500"}'
          total_counter: 'shop_requests_total{service="shop"}'
      """;

  @BeforeAll
  static void start() throws Exception {
    PrometheusServer.assumeInstalled();
    GroupedWorkload w = new GroupedWorkload();
    server = PrometheusServer.start(dir, w.openMetrics());
    spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    data = Files.writeString(dir.resolve("events.csv"), w.csv("shop"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldPrintPerGroupExactlyWhatFileDataPrints() {
    String at = GroupedWorkload.END.minus(Duration.ofMinutes(20)).toString();
    for (String format : List.of("json", "table")) {
      CliRun file =
          CliRun.of(
              "eval",
              "--spec",
              spec.toString(),
              "--data",
              data.toString(),
              "--at",
              at,
              "--format",
              format);
      assertThat(file.code()).as(file.err()).isZero();
      assertThat(file.out()).contains("/cart", "/pay", "/search");
      for (String mode : List.of("exact", "pushdown")) {
        CliRun prom =
            CliRun.of(
                "eval",
                "--spec",
                spec.toString(),
                "--prometheus",
                server.url.toString(),
                "--mode",
                mode,
                "--at",
                at,
                "--format",
                format);
        assertThat(prom.code()).as(prom.err()).isZero();
        assertThat(prom.err()).isEmpty();
        assertThat(prom.out()).as(mode + " " + format).isEqualTo(file.out());
      }
    }
    CliRun gate =
        CliRun.of(
            "check", "--spec", spec.toString(), "--prometheus", server.url.toString(), "--at", at);
    assertThat(gate.code()).as(gate.err()).isEqualTo(1);
    assertThat(gate.out()).contains("FAIL shop{route=\"/pay\"}");
    assertThat(gate.out()).doesNotContain("FAIL shop{route=\"/cart\"}");
    CliRun one =
        CliRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--prometheus",
            server.url.toString(),
            "--slo",
            "shop{route=\"/search\"}",
            "--at",
            at,
            "--format",
            "json");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(one.out()).contains("/search").doesNotContain("/pay");
  }
}
