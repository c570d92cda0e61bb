package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.SourceException;
import dev.slo.core.source.EventCounts;
import dev.slo.core.store.Bucket;
import dev.slo.core.store.BucketSize;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SliMetric;
import dev.slo.core.window.Window;
import dev.slo.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SliHistoryIT {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private String url;
  private JdbcStore store;
  private SliHistory history;

  @AfterEach
  void tearDown() {
    store.close();
  }

  @BeforeEach
  void setUp() {
    url = TestDatabase.freshSchema("slo_t_hist");
    store = JdbcStore.open(url, Map.of());
    history = store.history();
  }

  @Test
  void shouldReadAnOpenEndedRangeUpToInstantMax() {
    store.slos().create(Rows.slo("a", "svc"));
    history.append(Rows.minutes("a", Rows.T0, 3, MINUTE, 1));
    // GET .../history without end_time asks for (start, Instant.MAX]
    assertThat(history.history("a", new Window(Instant.EPOCH, Instant.MAX))).hasSize(3);
  }

  @Test
  void shouldRoundTripRowsBetweenTwoInstants() {
    store.slos().create(Rows.slo("a", "svc")); // target 99: is_good judged against it
    List<SliMetric> rows = new ArrayList<>(Rows.minutes("a", Rows.T0, 10, MINUTE, 1));
    rows.add(new SliMetric("b", Rows.T0.plusNanos(123_000), 50.0, 1, 2, true, 0.25, 14.4));
    history.append(rows);
    List<SliMetric> a =
        history.history("a", new Window(Rows.T0, Rows.T0.plus(MINUTE.multipliedBy(5))));
    assertThat(a).hasSize(5); // (T0, T0+5m]: rows 1..5
    assertThat(a.get(0).timestamp()).isEqualTo(Rows.T0.plus(MINUTE));
    for (SliMetric m : a) {
      SliMetric in = rows.get((int) Duration.between(Rows.T0, m.timestamp()).toMinutes());
      assertThat(m.goodEvents()).isEqualTo(in.goodEvents());
      assertThat(m.sliValue()).isEqualTo(in.sliValue());
      assertThat(m.isGood()).isEqualTo(in.sliValue() >= 99.0);
    }
    assertThat(history.history("b", new Window(Rows.T0, Rows.T0.plusSeconds(1))))
        .containsExactly(rows.get(10));
  }

  @Test
  void shouldNeverCountARetriedBatchTwice() {
    List<SliMetric> rows = Rows.minutes("a", Rows.T0, 3 * 24 * 60, MINUTE, 2);
    history.append(rows);
    history.append(rows);
    history.append(rows.subList(100, 2000));
    assertSums("a", rows);
  }

  @Test
  void shouldKeepTheLastRowOfARepeatedKey() {
    SliMetric first = SliMetric.ofCounts("a", Rows.T0, 1, 10);
    SliMetric last = SliMetric.ofCounts("a", Rows.T0, 9, 10);
    assertThat(history.append(List.of(first, last))).isEqualTo(1);
    assertThat(history.history("a", new Window(Rows.T0.minusSeconds(1), Rows.T0)))
        .extracting(SliMetric::goodEvents)
        .containsExactly(9L);
    history.append(List.of(first));
    assertThat(store.eventSource().counts(Rows.slo("a", "s"), List.of(day(Rows.T0))))
        .containsExactly(new EventCounts(1, 10));
  }

  @Test
  void shouldSumBucketsPerMinuteHourAndDay() {
    List<SliMetric> rows = Rows.minutes("a", Rows.T0, 2 * 24 * 60, Duration.ofSeconds(30), 3);
    history.append(rows);
    Instant to = Rows.T0.plus(Duration.ofDays(1));
    for (BucketSize size : BucketSize.values()) {
      List<Bucket> buckets = history.buckets("a", Rows.T0, to, size);
      assertThat(buckets)
          .hasSize((int) (Duration.ofDays(1).toMinutes() / size.width().toMinutes()));
      long total = buckets.stream().mapToLong(b -> b.counts().total()).sum();
      long n = buckets.stream().mapToLong(Bucket::rows).sum();
      List<SliMetric> inDay = rows.stream().filter(m -> m.timestamp().isBefore(to)).toList();
      assertThat(total).as(size.name()).isEqualTo(Rows.sumTotal(inDay));
      assertThat(n).isEqualTo(inDay.size());
    }
    Bucket minute =
        history.buckets("a", Rows.T0, Rows.T0.plusSeconds(60), BucketSize.MINUTE).get(0);
    assertThat(minute.counts().total())
        .isEqualTo(rows.get(0).totalEvents() + rows.get(1).totalEvents());
  }

  @Test
  void shouldSerializeConcurrentWritersWithoutLosingOrDoublingRows() throws Exception {
    List<SliMetric> rows = Rows.minutes("a", Rows.T0, 20_000, Duration.ofSeconds(7), 4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Long>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int offset = w * 3_000;
        writers.add(
            () -> {
              long n = 0;
              for (int i = offset; i < rows.size(); i += 4_000) {
                n += history.append(rows.subList(i, Math.min(rows.size(), i + 4_000)));
              }
              for (int i = 0; i < offset; i += 4_000) {
                n += history.append(rows.subList(i, Math.min(offset, i + 4_000)));
              }
              return n;
            });
      }
      for (Future<Long> f : pool.invokeAll(writers)) {
        assertThat(f.get()).isEqualTo(rows.size());
      }
    } finally {
      pool.shutdownNow();
    }
    assertSums("a", rows);
  }

  @Test
  void shouldRetryABatchThatFailedBeforeOrAfterCommitWithoutDoubleCounting() {
    List<SliMetric> rows = Rows.minutes("a", Rows.T0, 10_000, MINUTE, 5);
    AtomicInteger calls = new AtomicInteger();
    Ingest ingest =
        Ingest.of(
            Jdbi.create(url),
            "test",
            (h, batch) -> {
              int call = calls.incrementAndGet();
              if (call == 2) {
                SliWriter.write(h, batch.subList(0, batch.size() / 2));
                throw new IllegalStateException(new SQLException("lost before commit", "08006"));
              }
              long n = SliWriter.write(h, batch);
              if (call == 4) {
                h.commit();
                throw new IllegalStateException(new SQLException("lost after commit", "57P01"));
              }
              return n;
            },
            3_000,
            Duration.ofSeconds(10));
    List<Long> progress = new ArrayList<>();
    assertThat(ingest.run(rows.iterator(), progress::add)).isEqualTo(rows.size());
    assertThat(progress).containsExactly(3_000L, 6_000L, 9_000L, 10_000L);
    assertThat(calls.get()).isEqualTo(6);
    assertSums("a", rows);
  }

  @Test
  void shouldFailClearlyWhenABatchKeepsFailing() {
    Ingest ingest =
        Ingest.of(
            Jdbi.create(url),
            "db.example:5432/slo",
            (h, batch) -> {
              throw new IllegalStateException(new SQLException("connection reset", "08006"));
            },
            10,
            Duration.ofMillis(300));
    assertThatThrownBy(
            () -> ingest.run(Rows.minutes("a", Rows.T0, 5, MINUTE, 6).iterator(), n -> {}))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("ingest stopped after 0 rows")
        .hasMessageContaining("db.example:5432/slo")
        .hasMessageContaining("run it again");
  }

  private void assertSums(String sloId, List<SliMetric> rows) {
    Window all = new Window(Rows.T0.minusSeconds(1), Rows.T0.plus(Duration.ofDays(400)));
    assertThat(history.history(sloId, all)).hasSize(rows.size());
    EventCounts expected = new EventCounts(Rows.sumGood(rows), Rows.sumTotal(rows));
    assertThat(store.eventSource().counts(Rows.slo(sloId, "s"), List.of(all)))
        .containsExactly(expected);
    long hourTotal =
        history.buckets(sloId, all.start(), all.end(), BucketSize.HOUR).stream()
            .mapToLong(b -> b.counts().total())
            .sum();
    long dayRows =
        history.buckets(sloId, all.start(), all.end(), BucketSize.DAY).stream()
            .mapToLong(Bucket::rows)
            .sum();
    assertThat(hourTotal).isEqualTo(expected.total());
    assertThat(dayRows).isEqualTo(rows.size());
  }

  private static Window day(Instant t) {
    return new Window(t.minus(Duration.ofDays(1)), t.plus(Duration.ofDays(1)));
  }
}
