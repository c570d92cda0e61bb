package dev.slo.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.alert.Severity;
import dev.slo.core.eval.SloStatus;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.store.BucketSize;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.NotFoundException;
import dev.slo.core.store.SliMetric;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloStore;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SloStore} implementation has: run by the in-memory store here and by
 * PostgreSQL in {@code slo-jdbc}. A subclass supplies a new, empty store per test.
 */
public abstract class SloStoreContract {
  /** An instant every test starts from. */
  protected static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private SloStore store;

  /** A new, empty store. */
  protected abstract SloStore newStore();

  /** Releases what {@link #newStore} opened; default nothing. */
  protected void closeStore(SloStore store) {}

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void releaseStore() {
    closeStore(store);
  }

  /** An availability SLO of {@code service}. */
  protected static Slo slo(String id, String service) {
    return Slo.builder()
        .sloId(id)
        .sloName("Name of " + id)
        .serviceName(service)
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99.0)
        .timePeriod(TimePeriod.ROLLING_30D)
        .sliQuery("q")
        .description("d")
        .build();
  }

  private static SloStatus status(String id, Status s, Instant at) {
    return new SloStatus(id, 99.5, 99.0, s, 0.5, 0.5, 1.0, null, at);
  }

  @Test
  void shouldReturnStoredSlosOrderedBySloId() {
    Slo b = slo("b", "pay");
    Slo a = slo("a", "pay");
    assertThat(store.slos().create(b)).isEqualTo(b);
    store.slos().create(a);
    assertThat(store.slos().get("a")).contains(a);
    assertThat(store.slos().get("zz")).isEmpty();
    assertThat(store.slos().list(SloFilter.ALL)).containsExactly(a, b);
  }

  @Test
  void shouldRefuseASecondSloWithTheSameId() {
    store.slos().create(slo("a", "pay"));
    assertThatThrownBy(() -> store.slos().create(slo("a", "other")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("\"a\"");
    assertThat(store.slos().get("a").orElseThrow().serviceName()).isEqualTo("pay");
  }

  @Test
  void shouldReplaceOnUpdateAndRefuseToUpdateAMissingSlo() {
    store.slos().create(slo("a", "pay"));
    Slo changed = slo("a", "pay").toBuilder().targetPercentage(99.9).build();
    store.slos().update(changed);
    assertThat(store.slos().get("a")).contains(changed);
    assertThatThrownBy(() -> store.slos().update(slo("zz", "pay")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("\"zz\"");
  }

  @Test
  void shouldFilterByServiceTypeAndLatestStatus() {
    store.slos().create(slo("a", "pay"));
    store.slos().create(slo("b", "pay").toBuilder().sloType(SloType.LATENCY).build());
    store.slos().create(slo("c", "ship"));
    store.slos().saveStatus(status("a", Status.WARNING, T0));
    store.slos().saveStatus(status("b", Status.HEALTHY, T0));
    store.slos().saveStatus(status("a", Status.CRITICAL, T0.plusSeconds(60)));
    store.slos().saveStatus(status("a", Status.HEALTHY, T0.minusSeconds(60))); // older: ignored
    assertThat(ids(SloFilter.ALL.withServiceName("pay"))).containsExactly("a", "b");
    assertThat(ids(SloFilter.ALL.withSloType(SloType.LATENCY))).containsExactly("b");
    assertThat(ids(SloFilter.ALL.withStatus(Status.CRITICAL))).containsExactly("a");
    assertThat(ids(SloFilter.ALL.withStatus(Status.HEALTHY))).containsExactly("b");
    assertThat(store.slos().status("a").orElseThrow().lastUpdated()).isEqualTo(T0.plusSeconds(60));
    assertThat(store.slos().status("c")).isEmpty();
    assertThatThrownBy(() -> store.slos().saveStatus(status("zz", Status.HEALTHY, T0)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void shouldDeleteAnSloWithItsStatusRulesAndHistory() {
    store.slos().create(slo("a", "pay"));
    store.slos().saveStatus(status("a", Status.WARNING, T0));
    store
        .alertRules()
        .create(BurnRateAlertRule.of("a", 14.4, Duration.ofHours(1), null, Severity.PAGE));
    store.history().append(List.of(SliMetric.ofCounts("a", T0, 9, 10)));
    assertThat(store.slos().delete("a")).isTrue();
    assertThat(store.slos().delete("a")).isFalse();
    store.slos().create(slo("a", "pay"));
    assertThat(store.slos().status("a")).isEmpty();
    assertThat(store.alertRules().list("a")).isEmpty();
    assertThat(store.history().latest("a")).isEmpty();
  }

  @Test
  void shouldStoreAlertRulesWithIdTimeSeverityAndShortWindow() {
    store.slos().create(slo("a", "pay"));
    BurnRateAlertRule page =
        store
            .alertRules()
            .create(
                BurnRateAlertRule.of(
                    "a", 14.4, Duration.ofHours(1), Duration.ofMinutes(5), Severity.PAGE));
    BurnRateAlertRule ticket =
        store
            .alertRules()
            .create(BurnRateAlertRule.of("a", 1, Duration.ofDays(3), null, Severity.TICKET));
    assertThat(page.id()).isNotNull();
    assertThat(page.createdAt()).isNotNull();
    assertThat(page.alertRuleId()).isEqualTo("burn_rate:14.4:1h:5m:page");
    assertThat(page.shortWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(ticket.severity()).isEqualTo(Severity.TICKET);
    assertThat(ticket.shortWindow()).isNull();
    assertThat(store.alertRules().list("a")).containsExactly(page, ticket);
    assertThat(store.alertRules().list("other")).isEmpty();
  }

  @Test
  void shouldRefuseAnIdenticalAlertRuleAndOneOfAnUnknownSlo() {
    String longId = "x".repeat(100);
    store.slos().create(slo(longId, "pay"));
    BurnRateAlertRule r =
        BurnRateAlertRule.of(longId, 6, Duration.ofHours(6), Duration.ofMinutes(30), Severity.PAGE);
    store.alertRules().create(r);
    assertThatThrownBy(() -> store.alertRules().create(r)).isInstanceOf(ConflictException.class);
    assertThat(store.alertRules().list(longId)).hasSize(1);
    assertThatThrownBy(
            () ->
                store
                    .alertRules()
                    .create(
                        BurnRateAlertRule.of("zz", 2, Duration.ofHours(1), null, Severity.PAGE)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("\"zz\" is not a stored slo_id");
  }

  @Test
  void shouldDeleteAnAlertRuleOnce() {
    store.slos().create(slo("a", "pay"));
    BurnRateAlertRule r =
        store
            .alertRules()
            .create(BurnRateAlertRule.of("a", 2, Duration.ofHours(1), null, Severity.PAGE));
    BurnRateAlertRule s =
        store
            .alertRules()
            .create(BurnRateAlertRule.of("a", 3, Duration.ofHours(2), null, Severity.PAGE));
    assertThat(store.alertRules().delete(java.util.Objects.requireNonNull(r.id()))).isTrue();
    assertThat(store.alertRules().delete(java.util.Objects.requireNonNull(r.id()))).isFalse();
    assertThat(store.alertRules().delete(UUID.randomUUID())).isFalse();
    assertThat(store.alertRules().list("a")).containsExactly(s);
  }

  @Test
  void shouldReturnHistoryInLeftOpenRightClosedWindows() {
    store.slos().create(slo("a", "pay"));
    List<SliMetric> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(SliMetric.ofCounts("a", T0.plusSeconds(60L * i), 90 + i, 100));
    }
    assertThat(store.history().append(rows)).isEqualTo(5);
    List<SliMetric> got =
        store.history().history("a", new Window(T0.plusSeconds(60), T0.plusSeconds(180)));
    assertThat(got).extracting(SliMetric::goodEvents).containsExactly(92L, 93L);
    assertThat(store.history().latest("a")).contains(T0.plusSeconds(240));
    assertThat(store.history().history("b", new Window(T0.minusSeconds(1), T0))).isEmpty();
  }

  @Test
  void shouldKeepAGroupedSloAndTheHistoryOfItsGroups() {
    Slo grouped =
        slo("g", "pay").toBuilder().groupBy(List.of("route", "tenant")).maxGroups(7).build();
    store.slos().create(grouped);
    assertThat(store.slos().get("g")).contains(grouped);
    String id = grouped.forGroup(java.util.Map.of("route", "/p\"a\\y\n", "tenant", "t")).sloId();
    store.history().append(List.of(SliMetric.ofCounts(id, T0, 9, 10)));
    assertThat(store.history().history(id, new Window(T0.minusSeconds(1), T0)))
        .extracting(SliMetric::sloId, SliMetric::goodEvents)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(id, 9L));
    assertThat(store.history().history("g", new Window(T0.minusSeconds(1), T0))).isEmpty();
  }

  @Test
  void shouldReplaceARowWithTheSameKeySoARetriedBatchNeverCountsTwice() {
    store.slos().create(slo("a", "pay"));
    List<SliMetric> batch = List.of(SliMetric.ofCounts("a", T0, 5, 10));
    store.history().append(batch);
    store.history().append(batch);
    store.history().append(List.of(SliMetric.ofCounts("a", T0, 7, 10)));
    assertThat(store.history().history("a", new Window(T0.minusSeconds(1), T0)))
        .extracting(SliMetric::goodEvents)
        .containsExactly(7L);
  }

  @Test
  void shouldSumHourBuckets() {
    store.slos().create(slo("a", "pay"));
    List<SliMetric> rows = new ArrayList<>();
    for (int m = 0; m < 180; m++) {
      rows.add(SliMetric.ofCounts("a", T0.plusSeconds(60L * m), m % 10, 10));
    }
    store.history().append(rows);
    var buckets = store.history().buckets("a", T0, T0.plus(Duration.ofHours(3)), BucketSize.HOUR);
    assertThat(buckets).hasSize(3);
    assertThat(buckets.get(0).start()).isEqualTo(T0);
    assertThat(buckets.get(0).counts()).isEqualTo(new EventCounts(270, 600));
    assertThat(buckets.get(0).rows()).isEqualTo(60);
  }

  @Test
  void shouldLetExactlyOneOfManyConcurrentCreatorsWin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        tasks.add(
            () -> {
              try {
                store.slos().create(slo("race", "pay"));
                return true;
              } catch (ConflictException e) {
                return false;
              }
            });
      }
      int wins = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks)) {
        wins += f.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> ids(SloFilter f) {
    return store.slos().list(f).stream().map(Slo::sloId).toList();
  }
}
