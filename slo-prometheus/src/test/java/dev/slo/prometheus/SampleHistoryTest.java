package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SampleHistoryTest {
  static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  /** A fake server: samples by timestamp, answering range selectors as Prometheus 2 does. */
  static final class Server {
    final TreeMap<Long, Double> samples = new TreeMap<>();
    final List<Duration> ranges = new ArrayList<>();

    List<QueryResult.Series> fetch(Duration range, Instant at) {
      ranges.add(range);
      return full(range, at);
    }

    /** The same answer, not counted. */
    List<QueryResult.Series> full(Duration range, Instant at) {
      var sub = samples.subMap(at.toEpochMilli() - range.toMillis(), true, at.toEpochMilli(), true);
      if (sub.isEmpty()) {
        return List.of();
      }
      long[] ms = sub.keySet().stream().mapToLong(Long::longValue).toArray();
      double[] vs = sub.values().stream().mapToDouble(Double::doubleValue).toArray();
      return List.of(new QueryResult.Series(Map.of("code", "200"), ms, vs));
    }

    void put(int minute, double v) {
      samples.put(T0.plusSeconds(60L * minute).toEpochMilli(), v);
    }
  }

  static Instant min(int m) {
    return T0.plusSeconds(60L * m);
  }

  static List<String> text(List<QueryResult.Series> s) {
    List<String> out = new ArrayList<>();
    for (QueryResult.Series x : s) {
      for (int i = 0; i < x.size(); i++) {
        out.add(x.labels() + "@" + x.millis()[i] + "=" + x.values()[i]);
      }
    }
    return out;
  }

  @Test
  void laterReadsAskOnlyForNewSamplesAndTheRefetchSpanYetAnswerLikeAFullRead() {
    Server server = new Server();
    SampleHistory h = new SampleHistory(Duration.ofMinutes(10), 1L << 20);
    for (int m = 0; m <= 600; m++) {
      server.put(m, m * 10.0);
    }
    h.read("x", min(0), min(600), server::fetch);
    for (int pass = 1; pass <= 5; pass++) {
      int now = 600 + pass;
      server.put(now, now * 10.0);
      List<QueryResult.Series> got = h.read("x", min(now - 600), min(now), server::fetch);
      assertThat(text(got)).isEqualTo(text(server.full(Duration.ofMinutes(600), min(now))));
    }
    // the first read was whole; every later one reached back 10 minutes before the previous read
    assertThat(server.ranges.subList(1, 6)).containsOnly(Duration.ofMinutes(11));
  }

  @Test
  void aLateSampleInsideTheRefetchSpanAndACounterResetAreSeenAsAFullReadSeesThem() {
    Server server = new Server();
    SampleHistory h = new SampleHistory(Duration.ofMinutes(10), 1L << 20);
    for (int m = 0; m <= 100; m++) {
      server.put(m, m);
    }
    h.read("x", min(0), min(100), server::fetch);
    server.put(101, 3); // a reset
    server.samples.put(min(97).plusSeconds(30).toEpochMilli(), 1.0); // late, before the last read
    List<QueryResult.Series> got = h.read("x", min(1), min(101), server::fetch);
    assertThat(text(got)).isEqualTo(text(server.full(Duration.ofMinutes(100), min(101))));
    assertThat(text(got)).contains("{code=200}@" + min(97).plusSeconds(30).toEpochMilli() + "=1.0");
  }

  @Test
  void readsForAnEarlierInstantOrFurtherBackAreFullReadsAndOldSamplesAreDropped() {
    Server server = new Server();
    SampleHistory h = new SampleHistory(Duration.ofMinutes(10), 1L << 20);
    for (int m = 0; m <= 300; m++) {
      server.put(m, m);
    }
    h.read("x", min(100), min(200), server::fetch);
    h.read("x", min(50), min(210), server::fetch); // further back than kept
    assertThat(server.ranges.get(1)).isEqualTo(Duration.ofMinutes(160));
    h.read("x", min(100), min(150), server::fetch); // earlier instant
    assertThat(server.ranges.get(2)).isEqualTo(Duration.ofMinutes(50));
    for (int m = 151; m <= 300; m++) {
      h.read("x", min(m - 160), min(m), server::fetch);
    }
    assertThat(h.samples()).isEqualTo(161);
  }

  @Test
  void pastTheLimitTheSelectorsReadLeastRecentlyAreForgottenAndReadWholeAgain() {
    Server server = new Server();
    for (int m = 0; m <= 100; m++) {
      server.put(m, m);
    }
    SampleHistory h = new SampleHistory(Duration.ofMinutes(10), 16 * 150);
    h.read("a", min(0), min(100), server::fetch);
    h.read("b", min(0), min(100), server::fetch); // 202 samples: "a" goes
    assertThat(h.samples()).isEqualTo(101);
    h.read("b", min(0), min(100), server::fetch);
    h.read("a", min(0), min(100), server::fetch);
    assertThat(server.ranges)
        .containsExactly(
            Duration.ofMinutes(100),
            Duration.ofMinutes(100),
            Duration.ofMinutes(100)); // "b" again at the same instant asks nothing
  }
}
