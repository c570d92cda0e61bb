package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.eval.SloStatus;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.NotFoundException;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloRepository;
import dev.slo.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SloRepositoryIT {
  static final List<String> HOSTILE =
      List.of(
          "it's \"quoted\"",
          "a; DROP TABLE slos; --",
          "'); DELETE FROM slos WHERE ('1'='1",
          "back\\slash \\N tab\tnew\nline\r",
          "ünïcödé ✓ 日本語 😀 עברית",
          "$1 :name ? %s ${x} {{window}}");

  private JdbcStore store;
  private SloRepository repo;

  @AfterEach
  void tearDown() {
    store.close();
  }

  @BeforeEach
  void setUp() {
    store = JdbcStore.open(TestDatabase.freshSchema("slo_t_repo"), Map.of());
    repo = store.slos();
  }

  @Test
  void shouldRoundTripEveryField() {
    Slo slo =
        Slo.builder()
            .sloId("checkout.latency-p99_1")
            .sloName("Checkout p99")
            .serviceName("checkout")
            .sloType(SloType.LATENCY)
            .targetPercentage(99.95)
            .timePeriod(TimePeriod.CALENDAR_MONTH)
            .sliQuery("sum(rate(x[5m]))")
            .description("")
            .enabled(false)
            .timeZone(ZoneId.of("Europe/Berlin"))
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofMinutes(5).plusMillis(1))
            .timesliceTargetPercentage(95.5)
            .noData(NoDataPolicy.BAD)
            .thresholds(new StatusThresholds(0.3, 0.05))
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new LatencySli("http_seconds", 0.25, "{service=\"checkout\"}")))
            .build();
    repo.create(slo);
    assertThat(repo.get(slo.sloId())).contains(slo);
    Slo counters =
        Rows.slo("c", "svc").toBuilder()
            .sli(new SliDefinition(null, "bad_total", "all_total", null, null, null, null))
            .build();
    repo.create(counters);
    assertThat(repo.get("c")).contains(counters);
    assertThat(repo.get("missing")).isEmpty();
    assertThat(repo.get("NOT A VALID ID'")).isEmpty();
  }

  @Test
  void shouldRejectADuplicateSloIdAsConflict() {
    repo.create(Rows.slo("a", "svc"));
    assertThatThrownBy(() -> repo.create(Rows.slo("a", "other")))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("\"a\" is not a new slo_id");
    assertThat(repo.get("a").orElseThrow().serviceName()).isEqualTo("svc");
  }

  @Test
  void shouldUpdateAndReportMissingSlo() {
    repo.create(Rows.slo("a", "svc"));
    Slo changed = Rows.slo("a", "svc2").toBuilder().targetPercentage(99.5).build();
    repo.update(changed);
    assertThat(repo.get("a")).contains(changed);
    assertThatThrownBy(() -> repo.update(Rows.slo("b", "svc")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("\"b\"");
  }

  @Test
  void shouldFilterByServiceTypeAndLatestStatus() {
    repo.create(Rows.slo("a", "pay"));
    repo.create(Rows.slo("b", "pay").toBuilder().sloType(SloType.LATENCY).build());
    repo.create(Rows.slo("c", "ship"));
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    repo.saveStatus(status("a", Status.WARNING, t));
    repo.saveStatus(status("b", Status.HEALTHY, t));
    repo.saveStatus(status("a", Status.CRITICAL, t.plusSeconds(60)));
    repo.saveStatus(status("a", Status.HEALTHY, t.minusSeconds(60))); // older: ignored

    assertThat(ids(SloFilter.ALL)).containsExactly("a", "b", "c");
    assertThat(ids(SloFilter.ALL.withServiceName("pay"))).containsExactly("a", "b");
    assertThat(ids(SloFilter.ALL.withSloType(SloType.LATENCY))).containsExactly("b");
    assertThat(ids(SloFilter.ALL.withStatus(Status.CRITICAL))).containsExactly("a");
    assertThat(ids(SloFilter.ALL.withStatus(Status.HEALTHY))).containsExactly("b");
    assertThat(ids(SloFilter.ALL.withServiceName("pay").withSloType(SloType.AVAILABILITY)))
        .containsExactly("a");
    assertThat(ids(SloFilter.ALL.withServiceName("x\0y"))).isEmpty();
    assertThat(repo.status("a").orElseThrow().status()).isEqualTo(Status.CRITICAL);
    assertThat(repo.status("a").orElseThrow().lastUpdated()).isEqualTo(t.plusSeconds(60));
    assertThatThrownBy(() -> repo.saveStatus(status("zz", Status.HEALTHY, t)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void shouldDeleteWithStatusAndRules() {
    repo.create(Rows.slo("a", "pay"));
    repo.saveStatus(status("a", Status.WARNING, Instant.EPOCH));
    assertThat(repo.delete("a")).isTrue();
    assertThat(repo.delete("a")).isFalse();
    assertThat(repo.status("a")).isEmpty();
    repo.create(Rows.slo("a", "pay"));
    assertThat(repo.status("a")).isEmpty();
  }

  @Test
  void shouldStoreHostileStringsVerbatimInEveryTextField() {
    int i = 0;
    for (String s : HOSTILE) {
      Slo slo =
          Slo.builder()
              .sloId("h" + i++)
              .sloType(dev.slo.core.model.SloType.AVAILABILITY)
              .sloName(s)
              .serviceName(s)
              .targetPercentage(99)
              .timePeriod(dev.slo.core.model.TimePeriod.ROLLING_30D)
              .sliQuery(s)
              .description(s)
              .sli(new SliDefinition(s, null, s, null, null, null, null))
              .build();
      repo.create(slo);
      assertThat(repo.get(slo.sloId())).contains(slo);
      assertThat(ids(SloFilter.ALL.withServiceName(s))).containsExactly(slo.sloId());
    }
    assertThat(repo.list(SloFilter.ALL)).hasSize(HOSTILE.size());
  }

  @Test
  void shouldRejectNulCharactersWithAOneLineMessage() {
    Slo nul = Rows.slo("n", "svc").toBuilder().description("a\0b\nc").build();
    assertThatThrownBy(() -> repo.create(nul))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("\"a\\0b\\nc\" is not a valid description of SLO n")
        .hasMessageNotContaining("\n");
    Slo nulName = Rows.slo("n", "svc").toBuilder().sloName("x\0").build();
    assertThatThrownBy(() -> repo.create(nulName)).hasMessageContaining("slo_name");
    assertThat(repo.get("n")).isEmpty();
  }

  @Test
  void shouldLetExactlyOneConcurrentCreatorWin() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Slo>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String service = "svc" + i;
        tasks.add(() -> repo.create(Rows.slo("race", service)));
      }
      int won = 0;
      int conflicts = 0;
      for (Future<Slo> f : pool.invokeAll(tasks)) {
        try {
          f.get();
          won++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ConflictException.class);
          conflicts++;
        }
      }
      assertThat(won).isEqualTo(1);
      assertThat(conflicts).isEqualTo(7);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<String> ids(SloFilter f) {
    return repo.list(f).stream().map(Slo::sloId).toList();
  }

  private static SloStatus status(String id, Status s, Instant at) {
    return new SloStatus(id, 99.5, 99.0, s, 0.5, 0.5, 1.2, "3h", at);
  }
}
