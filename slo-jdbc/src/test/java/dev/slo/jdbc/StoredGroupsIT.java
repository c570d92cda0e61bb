package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups of a grouped SLO in PostgreSQL (migration 9): discovery and counts per group id. */
class StoredGroupsIT {
  private JdbcStore store;

  @BeforeEach
  void setUp() {
    store = JdbcStore.open(TestDatabase.freshSchema("slo_t_groups"), Map.of());
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void shouldDiscoverGroupsWithEventsInTheRangeFromLabelsOrIds() {
    Slo template = Rows.slo("g_a", "svc").toBuilder().groupBy(List.of("route")).build();
    store.slos().create(template);
    String a = template.forGroup(Map.of("route", "/a")).sloId();
    String b = template.forGroup(Map.of("route", "b\"\\\n")).sloId();
    String old = template.forGroup(Map.of("route", "/old")).sloId();
    store
        .history()
        .append(
            List.of(
                SliMetric.ofCounts(a, Rows.T0.plusSeconds(60), 9, 10),
                SliMetric.ofCounts(b, Rows.T0.plusSeconds(120), 1, 2),
                SliMetric.ofCounts(old, Rows.T0.minusSeconds(7200), 1, 1),
                SliMetric.ofCounts("g_ab", Rows.T0.plusSeconds(60), 1, 1)));
    // rows written by the history carry no labels: found by their ids
    assertThat(store.eventSource().groups(template, Rows.T0, Rows.T0.plusSeconds(3600)))
        .containsExactlyInAnyOrder(Map.of("route", "/a"), Map.of("route", "b\"\\\n"));
    assertThat(store.labelGroups()).isEqualTo(3);
    // labelled now: the same answer from the labels column
    assertThat(store.eventSource().groups(template, Rows.T0, Rows.T0.plusSeconds(3600)))
        .containsExactlyInAnyOrder(Map.of("route", "/a"), Map.of("route", "b\"\\\n"));
    assertThat(
            store
                .eventSource()
                .counts(
                    template.forGroup(Map.of("route", "b\"\\\n")),
                    List.of(new Window(Rows.T0, Rows.T0.plusSeconds(3600)))))
        .containsExactly(new EventCounts(1, 2));
  }

  @Test
  void shouldRecallTheGroupsOfTheHistoryForARestartedServe() {
    Slo template = Rows.slo("g_r", "svc").toBuilder().groupBy(List.of("route")).build();
    store.slos().create(template);
    String a = template.forGroup(Map.of("route", "/a")).sloId();
    String old = template.forGroup(Map.of("route", "/old")).sloId();
    String empty = template.forGroup(Map.of("route", "/empty")).sloId();
    store
        .history()
        .append(
            List.of(
                SliMetric.ofCounts(a, Rows.T0.plusSeconds(60), 9, 10),
                SliMetric.ofCounts(old, Rows.T0.minusSeconds(7200), 1, 1),
                SliMetric.ofCounts(empty, Rows.T0.plusSeconds(60), 0, 0)));

    assertThat(store.history().groups(template, Rows.T0, Rows.T0.plusSeconds(3600)))
        .containsExactly(Map.of("route", "/a"));
    assertThat(store.history().groups(Rows.slo("g_r", "svc"), Rows.T0, Rows.T0.plusSeconds(3600)))
        .isEmpty();
  }

  @Test
  void shouldSaveAGroupsStatusUnderItsIdAndDeleteItWithItsSlo() {
    Slo template = Rows.slo("g_s", "svc").toBuilder().groupBy(List.of("route")).build();
    store.slos().create(template);
    store.slos().create(Rows.slo("g_s2", "svc"));
    String group = template.forGroup(Map.of("route", "/" + "p".repeat(150))).sloId();
    java.time.Instant at = Rows.T0;
    store.slos().saveStatus(status(group, at));
    store.slos().saveStatus(status("g_s", at));
    store.slos().saveStatus(status("g_s2", at));

    assertThat(store.slos().status(group)).map(s -> s.sloId()).contains(group);
    assertThatThrownBy(() -> store.slos().saveStatus(status("nope{route=\"/a\"}", at)))
        .isInstanceOf(dev.slo.core.store.NotFoundException.class);

    assertThat(store.slos().delete("g_s")).isTrue();
    assertThat(store.slos().status(group)).isEmpty();
    assertThat(store.slos().status("g_s")).isEmpty();
    assertThat(store.slos().status("g_s2")).isPresent(); // another SLO keeps its status
  }

  private static dev.slo.core.eval.SloStatus status(String id, java.time.Instant at) {
    return new dev.slo.core.eval.SloStatus(
        id, 99.5, 99.0, dev.slo.core.model.Status.WARNING, 0.5, 0.5, 1.2, "3h", at);
  }
}
