package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grouped SLOs (group_by) through {@code slo eval}, {@code check} and {@code report} with a data
 * file's labels column. Hand-computed at 2026-11-20T12:00Z over ROLLING_24H, target 99 (budget 1%).
 */
class GroupCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String spec(int maxGroups) {
    return """
        slos:
          - slo_id: api
            slo_name: API
            service_name: shop
            slo_type: AVAILABILITY
            target_percentage: 99
            time_period: ROLLING_24H
            group_by: [route]
            max_groups: %d
          - slo_id: web
            slo_name: Web
            service_name: shop
            slo_type: AVAILABILITY
            target_percentage: 99
            time_period: ROLLING_24H
        """
        .formatted(maxGroups);
  }

  // /a: 1000 of 1000 good, 100%. /b appears at 11:00, one hour before the end: 95 of 100, SLI 95%,
  // 5 bad of a budget of 1 -> exhausted. /old only before the window: not a group any more.
  // The quote route needs escaping in the id: a"q -> api{route="a\"q"}, 999 of 1000 -> SLI 99.9%.
  private static final String DATA =
      """
      timestamp,slo_id,good_events,total_events,labels
      2026-11-18T12:00:00Z,api,1,2,"{""route"":""/old""}"
      2026-11-20T06:00:00Z,api,600,600,"{""route"":""/a"",""pod"":""p1""}"
      2026-11-20T06:00:00Z,api,400,400,"{""route"":""/a"",""pod"":""p2""}"
      2026-11-20T11:00:00Z,api,95,100,"{""route"":""/b""}"
      2026-11-20T11:30:00Z,api,999,1000,"{""route"":""a\\""q""}"
      2026-11-20T11:00:00Z,web,10,10,
      """;

  @TempDir Path dir;
  Path spec;
  Path data;

  @BeforeEach
  void files() {
    spec = Fixtures.write(dir, "slos.yaml", spec(1000));
    data = Fixtures.write(dir, "events.csv", DATA);
  }

  @Test
  void shouldEvaluateEveryGroupSeenInThePeriodWithItsOwnRows() throws Exception {
    CliRun r =
        CliRun.of("eval", "--spec", spec.toString(), "--data", data.toString(), "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode all = JSON.readTree(r.out());
    List<String> ids = new java.util.ArrayList<>();
    all.forEach(n -> ids.add(n.get("slo_id").asText()));
    assertThat(ids)
        .containsExactly("api{route=\"/a\"}", "api{route=\"/b\"}", "api{route=\"a\\\"q\"}", "web");
    JsonNode b = all.get(1);
    assertThat(b.get("group_labels").get("route").asText()).isEqualTo("/b");
    assertThat(b.get("current_sli").asDouble()).isEqualTo(95.0);
    assertThat(b.get("status").asText()).isEqualTo("EXHAUSTED");
    assertThat(all.get(0).get("current_sli").asDouble()).isEqualTo(100.0);
    assertThat(all.get(0).get("status").asText()).isEqualTo("HEALTHY");
    assertThat(all.get(2).get("current_sli").asDouble()).isEqualTo(99.9);
    assertThat(all.get(2).get("group_labels").get("route").asText()).isEqualTo("a\"q");
    assertThat(all.get(3).has("group_labels")).isFalse();
  }

  @Test
  void shouldGateOnEveryGroupNamingTheGroupId() {
    CliRun r = CliRun.of("check", "--spec", spec.toString(), "--data", data.toString());
    assertThat(r.code()).isEqualTo(ExitCode.GATE_FAILED);
    assertThat(r.out())
        .contains("ok   api{route=\"/a\"}: HEALTHY")
        .contains("FAIL api{route=\"/b\"}: EXHAUSTED, SLI 95% vs target 99%")
        .contains("3 passed, 1 failed");
  }

  @Test
  void shouldSelectOneGroupWithSloAndItsId() {
    CliRun r =
        CliRun.of(
            "check",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--slo",
            "api{route=\"/a\"}");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("ok   api{route=\"/a\"}")
        .doesNotContain("/b")
        .contains("1 passed");
  }

  @Test
  void shouldKeepExactlyMaxGroupsAndWarnOnePast() {
    Path three = Fixtures.write(dir, "three.yaml", spec(3));
    CliRun atCap =
        CliRun.of("eval", "--spec", three.toString(), "--data", data.toString(), "--slo", "api");
    assertThat(atCap.err()).doesNotContain("max_groups");
    assertThat(atCap.out()).contains("api{route=\"a\\\"q\"}");

    Path two = Fixtures.write(dir, "two.yaml", spec(2));
    CliRun past =
        CliRun.of("eval", "--spec", two.toString(), "--data", data.toString(), "--slo", "api");
    assertThat(past.code()).isZero();
    assertThat(past.err())
        .contains(
            "slo: warning: 3 groups of SLO api by [route] exceed max_groups 2: evaluating the"
                + " first 2 in label order, dropped 1");
    assertThat(past.out())
        .contains("api{route=\"/a\"}", "api{route=\"/b\"}")
        .doesNotContain("a\\\"q");
  }

  @Test
  void shouldWriteGroupLabelsIntoEventsOfGroupsOnly() throws Exception {
    Path events = dir.resolve("events.jsonl");
    CliRun r =
        CliRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--events",
            events.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(events);
    assertThat(lines).hasSize(4);
    JsonNode a = JSON.readTree(lines.get(0)).get("slo_status_update");
    assertThat(a.get("slo_id").asText()).isEqualTo("api{route=\"/a\"}");
    assertThat(a.get("group_labels").get("route").asText()).isEqualTo("/a");
    JsonNode web = JSON.readTree(lines.get(3)).get("slo_status_update");
    assertThat(web.get("slo_id").asText()).isEqualTo("web");
    assertThat(web.has("group_labels")).isFalse();
  }

  @Test
  void shouldRefuseARowOfAGroupedSloWithoutLabels() {
    Path bad =
        Fixtures.write(
            dir,
            "bad.csv",
            "timestamp,slo_id,good_events,total_events\n2026-11-20T11:00:00Z,api,1,1\n");
    CliRun r = CliRun.of("eval", "--spec", spec.toString(), "--data", bad.toString());
    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err())
        .contains(bad + ":2: the row of SLO api has no labels, and the SLO has group_by [route]");
  }

  @Test
  void shouldReportGroupsTogetherUnderTheirSlo() {
    ReportRun r =
        ReportRun.of(
            "report", "--spec", spec.toString(), "--data", data.toString(), "--format", "markdown");
    assertThat(r.code()).isZero();
    String out = r.out();
    int a = out.indexOf("api{route=\"/a\"}");
    int b = out.indexOf("api{route=\"/b\"}");
    int q = out.indexOf("api{route=\"a\\\\\"q\"}"); // Markdown escapes the backslash
    int web = out.indexOf("Web (web)");
    // lowest budget first within the SLO, the SLO's groups together, ranked by its worst group
    assertThat(List.of(b, q, a, web)).as(out).allMatch(i -> i >= 0).isSorted();
  }
}
