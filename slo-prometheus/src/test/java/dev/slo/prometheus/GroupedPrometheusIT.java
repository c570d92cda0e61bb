package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.data.DataFileReader;
import dev.slo.core.data.DataSet;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.group.Groups;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSource;
import dev.slo.testing.GroupedWorkload;
import dev.slo.testing.PrometheusServer;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grouped SLO (per {@code route}) against a real Prometheus backfilled with three routes of known
 * counts: discovery, exact and pushdown modes, each group equal to the same counts read from a data
 * file with a {@code labels} column.
 */
class GroupedPrometheusIT {
  @TempDir static Path dir;
  static PrometheusServer server;
  static GroupedWorkload work;
  static PrometheusClient client;

  @BeforeAll
  static void start() throws Exception {
    PrometheusServer.assumeInstalled();
    work = new GroupedWorkload();
    server = PrometheusServer.start(dir, work.openMetrics());
    client = PrometheusClient.builder(server.url).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Slo template(TimePeriod period) {
    return Slo.builder()
        .sloId("shop")
        .sloName("Shop availability")
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .serviceName("shop")
        .targetPercentage(99.9)
        .timePeriod(period)
        .groupBy(List.of("route"))
        .sli(
            new SliDefinition(
                null,
                "shop_requests_total{service=\"shop\",code=\"500\"}",
                "shop_requests_total{service=\"shop\"}",
                null,
                null,
                null,
                null))
        .build();
  }

  /** The same counts from a data file with a labels column, read as the CLI reads it. */
  static EventSource known(Slo template) {
    DataSet d =
        DataFileReader.read(
            "shop.csv",
            new BufferedReader(new StringReader(work.csv(template.sloId()))),
            null,
            Map.of(template.sloId(), template.groupBy()));
    assertThat(d.series()).hasSize(3);
    return d.source();
  }

  static List<Instant> instants() {
    return List.of(
        GroupedWorkload.END,
        GroupedWorkload.END.minus(Duration.ofMinutes(20)), // inside /pay's incident
        GroupedWorkload.END.minus(Duration.ofHours(2)), // before it
        GroupedWorkload.START.plus(Duration.ofDays(3)).plusSeconds(30)); // across /search's reset
  }

  @Test
  void shouldDiscoverTheThreeRoutesInOneQuery() {
    PrometheusSource source = PrometheusSource.pushdown(client);
    Slo t = template(TimePeriod.ROLLING_7D);
    long before = client.requestCount();
    Set<Map<String, String>> groups =
        source.groups(t, GroupedWorkload.END.minus(Duration.ofDays(7)), GroupedWorkload.END);
    assertThat(client.requestCount() - before).isEqualTo(1);
    assertThat(groups)
        .containsExactlyInAnyOrder(
            Map.of("route", "/cart"), Map.of("route", "/pay"), Map.of("route", "/search"))
        .isEqualTo(
            known(t).groups(t, GroupedWorkload.END.minus(Duration.ofDays(7)), GroupedWorkload.END));
    Groups.Expansion e =
        Groups.expand(
            t, source, GroupedWorkload.END.minus(Duration.ofDays(7)), GroupedWorkload.END);
    assertThat(e.slos())
        .extracting(Slo::sloId)
        .containsExactly(
            "shop{route=\"/cart\"}", "shop{route=\"/pay\"}", "shop{route=\"/search\"}");
    Groups.Expansion capped =
        Groups.expand(
            t.toBuilder().maxGroups(2).build(),
            source,
            GroupedWorkload.END.minus(Duration.ofDays(7)),
            GroupedWorkload.END);
    assertThat(capped.slos()).hasSize(2);
    assertThat(capped.warning()).contains("dropped 1");
    // before the first sample there is no group
    Instant early = GroupedWorkload.START.minusSeconds(1);
    assertThat(source.groups(t, early.minus(Duration.ofDays(2)), early)).isEmpty();
  }

  @Test
  void shouldEqualTheKnownCountsPerGroupInExactMode() {
    PrometheusSource exact =
        new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5));
    for (TimePeriod p : List.of(TimePeriod.ROLLING_7D, TimePeriod.ROLLING_1H)) {
      Slo t = template(p);
      EventSource file = known(t);
      for (Instant at : instants()) {
        List<Slo> groups = Groups.expand(t, exact, at.minus(Duration.ofDays(1)), at).slos();
        assertThat(groups).hasSize(3);
        long before = client.requestCount();
        for (Slo g : groups) {
          assertThat(g.isGroup()).isTrue();
          assertThat(new Evaluator().evaluate(g, exact, at))
              .as(g.sloId() + " " + p + " at " + at)
              .isEqualTo(new Evaluator().evaluate(g, file, at));
        }
        // the first group read both selectors' samples for every group
        assertThat(client.requestCount() - before).as(p + " at " + at).isEqualTo(2);
      }
    }
  }

  @Test
  void shouldEqualTheKnownCountsPerGroupInPushdownModeWithOneFetchForAllGroups() {
    Slo t = template(TimePeriod.ROLLING_7D);
    EventSource file = known(t);
    for (Instant at : instants().subList(0, 3)) {
      PrometheusSource push = PrometheusSource.pushdown(client);
      List<Slo> groups = Groups.expand(t, push, at.minus(Duration.ofDays(7)), at).slos();
      assertThat(groups).hasSize(3);
      long before = client.requestCount();
      long t0 = System.nanoTime();
      Evaluation first = new Evaluator().evaluate(groups.get(0), push, at);
      long millis = (System.nanoTime() - t0) / 1_000_000;
      long firstCost = client.requestCount() - before;
      assertThat(first).isEqualTo(new Evaluator().evaluate(groups.get(0), file, at));
      for (Slo g : groups.subList(1, 3)) {
        assertThat(new Evaluator().evaluate(g, push, at))
            .as(g.sloId() + " at " + at)
            .isEqualTo(new Evaluator().evaluate(g, file, at));
      }
      // the other groups came with the first group's grouped queries
      assertThat(client.requestCount() - before).isEqualTo(firstCost);
      System.out.printf(
          "grouped pushdown at %s: %d requests, %d ms for %d groups%n",
          at, firstCost, millis, groups.size());
    }
  }

  @Test
  void shouldCountAGroupedLatencySloAsTheDataFileInBothModes() {
    Slo t =
        template(TimePeriod.ROLLING_7D).toBuilder()
            .sloId("shop-latency")
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new LatencySli("shop_request_duration_seconds", 0.3, "{service=\"shop\"}")))
            .build();
    EventSource file =
        DataFileReader.read(
                "latency.csv",
                new BufferedReader(new StringReader(work.latencyCsv(t.sloId()))),
                null,
                Map.of(t.sloId(), t.groupBy()))
            .source();
    Instant at = GroupedWorkload.END.minus(Duration.ofMinutes(20));
    for (PrometheusSource s :
        List.of(
            PrometheusSource.pushdown(client),
            new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5)))) {
      List<Slo> groups = Groups.expand(t, s, at.minus(Duration.ofDays(7)), at).slos();
      assertThat(groups).hasSize(3);
      for (Slo g : groups) {
        assertThat(new Evaluator().evaluate(g, s, at))
            .as(g.sloId())
            .isEqualTo(new Evaluator().evaluate(g, file, at));
      }
    }
  }

  @Test
  void shouldAlertOnlyOnTheBurningRoute() {
    Slo t = template(TimePeriod.ROLLING_7D);
    Instant at = GroupedWorkload.END.minus(Duration.ofMinutes(20));
    PrometheusSource push = PrometheusSource.pushdown(client);
    Map<String, Boolean> alerting = new HashMap<>();
    for (Slo g : Groups.expand(t, push, at.minus(Duration.ofDays(7)), at).slos()) {
      alerting.put(
          g.groupLabels().get("route"), !new Evaluator().evaluate(g, push, at).alerts().isEmpty());
    }
    assertThat(alerting).isEqualTo(Map.of("/cart", false, "/pay", true, "/search", false));
  }

  @Test
  void shouldGiveNoDataForAGroupThatVanished() {
    Slo gone = template(TimePeriod.ROLLING_7D).forGroup(Map.of("route", "/gone"));
    for (PrometheusSource s :
        List.of(
            PrometheusSource.pushdown(client),
            new PrometheusSource(client, PrometheusSource.Mode.EXACT, Duration.ofMinutes(5)))) {
      Evaluation e = new Evaluator().evaluate(gone, s, GroupedWorkload.END);
      assertThat(e.noData()).isTrue();
      assertThat(e.alerts()).isEmpty();
    }
  }
}
