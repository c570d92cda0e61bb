package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana dashboard's JSON structure. */
class DashboardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode dashboard;

  @TempDir static Path dir;

  /** The example spec with a Prometheus SLI for every SLO, so each gets its panels. */
  static Path specWithSlis() throws Exception {
    String text =
        Files.readString(ReportRun.SPEC)
            .replace(
                "    time_zone: Europe/Berlin\n",
                "    time_zone: Europe/Berlin\n"
                    + "    latency:\n"
                    + "      histogram: http_request_duration_seconds\n"
                    + "      threshold: 0.3\n")
            .replace(
                "    no_data: bad\n",
                "    no_data: bad\n"
                    + "    good_counter: payments_ok_total\n"
                    + "    total_counter: payments_total\n");
    Path spec = dir.resolve("slis.yaml");
    Files.writeString(spec, text);
    return spec;
  }

  @BeforeAll
  static void run() throws Exception {
    ReportRun r = ReportRun.of("dashboard", "--spec", specWithSlis().toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    dashboard = JSON.readTree(r.out());
  }

  @Test
  void shouldSkipSlosWithoutAPrometheusSliWithTheWarningRulesGives() throws Exception {
    ReportRun r = ReportRun.of("dashboard", "--spec", ReportRun.SPEC.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "slo: warning: search-latency: skipped, no Prometheus SLI (give counters, queries,"
                + " latency or sli_query)\n"
                + "slo: warning: payments-availability: skipped, no Prometheus SLI (give counters,"
                + " queries, latency or sli_query)\n");
    JsonNode d = JSON.readTree(r.out());
    List<String> titles = new ArrayList<>();
    d.get("panels").forEach(p -> titles.add(p.get("title").asText()));
    assertThat(titles).contains("Checkout availability (checkout-availability)");
    assertThat(String.join(",", titles)).doesNotContain("search-latency", "payments-availability");
  }

  private static List<JsonNode> panels() {
    List<JsonNode> out = new ArrayList<>();
    dashboard.get("panels").forEach(out::add);
    return out;
  }

  @Test
  void shouldDeclareADatasourceVariableThatEveryQueryUses() {
    JsonNode vars = dashboard.get("templating").get("list");
    assertThat(vars).hasSize(1);
    assertThat(vars.get(0).get("name").asText()).isEqualTo("datasource");
    assertThat(vars.get(0).get("type").asText()).isEqualTo("datasource");
    assertThat(vars.get(0).get("query").asText()).isEqualTo("prometheus");
    for (JsonNode p : panels()) {
      if (p.get("type").asText().equals("row")) {
        continue;
      }
      assertThat(p.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
      assertThat(p.get("targets")).isNotEmpty();
      p.get("targets")
          .forEach(
              t -> assertThat(t.get("datasource").get("uid").asText()).isEqualTo("${datasource}"));
    }
  }

  @Test
  void shouldHaveARowWithFourPanelsPerEnabledSlo() {
    List<JsonNode> rows =
        panels().stream().filter(p -> p.get("type").asText().equals("row")).toList();
    assertThat(rows)
        .extracting(r -> r.get("title").asText())
        .containsExactly(
            "Checkout availability (checkout-availability)",
            "Search p99 under 300 ms (search-latency)",
            "Payments availability (timeslices) (payments-availability)");
    assertThat(panels()).hasSize(3 * 5);
    assertThat(panels())
        .extracting(p -> p.get("type").asText())
        .containsSequence("row", "timeseries", "stat", "timeseries", "state-timeline");
    assertThat(dashboard.get("title").asText()).isEqualTo("SLOs");
    assertThat(dashboard.get("uid").asText()).isEqualTo("slos");
    assertThat(dashboard.get("schemaVersion").asInt()).isPositive();
  }

  @Test
  void shouldQueryTheRecordingRulesOfEachSlo() {
    List<JsonNode> all = panels();
    JsonNode sli = all.get(1);
    assertThat(sli.get("targets").get(0).get("expr").asText())
        .isEqualTo("1 - slo:period_sli_error:ratio{slo_id=\"checkout-availability\"}");
    JsonNode budget = all.get(2);
    assertThat(budget.get("targets").get(0).get("expr").asText())
        .isEqualTo("slo:period_error_budget_remaining:ratio{slo_id=\"checkout-availability\"}");
    JsonNode burns = all.get(3);
    assertThat(burns.get("targets")).hasSize(dev.slo.core.eval.Evaluator.BURN_WINDOWS.size());
    assertThat(burns.get("targets").get(0).get("expr").asText())
        .isEqualTo("slo:sli_error:ratio_rate5m{slo_id=\"checkout-availability\"} / 0.001");
    assertThat(burns.get("targets").get(5).get("expr").asText())
        .startsWith("slo:sli_error:ratio_rate1d{");
    JsonNode alerts = all.get(4);
    assertThat(alerts.get("targets").get(0).get("expr").asText())
        .contains("ALERTS{slo_id=\"checkout-availability\", alertstate=\"firing\"}");
    assertThat(all.get(8).get("targets").get(0).get("expr").asText())
        .contains("search-latency")
        .endsWith("/ 0.005");
  }

  @Test
  void shouldGiveUniqueIdsAndRefIdsAndNonOverlappingPanels() {
    Set<Integer> ids = new HashSet<>();
    Set<String> cells = new HashSet<>();
    for (JsonNode p : panels()) {
      assertThat(ids.add(p.get("id").asInt())).isTrue();
      JsonNode g = p.get("gridPos");
      assertThat(g.get("x").asInt() + g.get("w").asInt()).isLessThanOrEqualTo(24);
      for (int x = g.get("x").asInt(); x < g.get("x").asInt() + g.get("w").asInt(); x++) {
        for (int y = g.get("y").asInt(); y < g.get("y").asInt() + g.get("h").asInt(); y++) {
          assertThat(cells.add(x + "," + y)).as("overlap at %d,%d", x, y).isTrue();
        }
      }
      if (p.has("targets")) {
        Set<String> refs = new HashSet<>();
        p.get("targets").forEach(t -> assertThat(refs.add(t.get("refId").asText())).isTrue());
      }
    }
  }

  @Test
  void shouldWriteTheFileAndRefuseABadSpec(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("dash.json");
    ReportRun r =
        ReportRun.of(
            "dashboard",
            "--spec",
            ReportRun.SPEC.toString(),
            "--out",
            out.toString(),
            "--title",
            "Shop SLOs");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(JSON.readTree(Files.readString(out)).get("uid").asText()).isEqualTo("shop-slos");
    ReportRun missing = ReportRun.of("dashboard", "--spec", dir.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines()).singleElement().asString().contains("no such file");
  }
}
