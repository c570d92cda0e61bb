package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PieceReaderTest {
  static final ExecutorService POOL = Executors.newFixedThreadPool(4);
  static final long AT = 1_800_000_000_000L;
  static final Pattern RANGE = Pattern.compile("x\\[(\\d+)(s|ms)\\](?: offset (\\d+)(s|ms))?");

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  /** A fake server over two series, range selectors inclusive at both ends as in Prometheus 2. */
  static List<QueryResult.Series> answer(
      Map<String, TreeMap<Long, Double>> data, String query, List<String> asked) {
    synchronized (asked) {
      asked.add(query);
    }
    Matcher m = RANGE.matcher(query);
    assertThat(m.matches()).as(query).isTrue();
    long len = Long.parseLong(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
    long off =
        m.group(3) == null ? 0 : Long.parseLong(m.group(3)) * (m.group(4).equals("s") ? 1000 : 1);
    List<QueryResult.Series> out = new ArrayList<>();
    data.forEach(
        (name, samples) -> {
          var sub = samples.subMap(AT - off - len, true, AT - off, true);
          if (!sub.isEmpty()) {
            out.add(
                new QueryResult.Series(
                    Map.of("code", name),
                    sub.keySet().stream().mapToLong(Long::longValue).toArray(),
                    sub.values().stream().mapToDouble(Double::doubleValue).toArray()));
          }
        });
    return out;
  }

  static List<String> text(List<QueryResult.Series> s) {
    List<String> out = new ArrayList<>();
    for (QueryResult.Series x : s) {
      for (int i = 0; i < x.size(); i++) {
        out.add(x.labels() + "@" + x.millis()[i] + "=" + x.values()[i]);
      }
    }
    Collections.sort(out);
    return out;
  }

  @Test
  void aLongRangeReadInPiecesGivesTheSamplesOfOneReadEdgeSamplesOnce() {
    Map<String, TreeMap<Long, Double>> data = new TreeMap<>();
    data.put("200", new TreeMap<>());
    data.put("500", new TreeMap<>());
    long day = 86_400_000L;
    for (long t = AT - 40 * day; t <= AT; t += 60_000L) {
      data.get("200").put(t, (double) (t / 60_000L % 1000)); // resets now and then
      if (t > AT - 5 * day) {
        data.get("500").put(t, 1.0); // appears late: only in the newest piece
      }
    }
    List<String> asked = new ArrayList<>();
    Duration span = Duration.ofDays(31).plusHours(1).plusMillis(500);
    List<QueryResult.Series> pieces =
        PieceReader.read("x", span, POOL, q -> answer(data, q, asked));
    assertThat(asked).hasSize(4);
    List<QueryResult.Series> whole =
        answer(data, "x[" + PrometheusSource.range(span) + "]", new ArrayList<>());
    assertThat(text(pieces)).isEqualTo(text(whole));
  }

  @Test
  void aShortRangeIsOneRead() {
    List<String> asked = new ArrayList<>();
    PieceReader.read(
        "x", Duration.ofDays(7), POOL, q -> answer(Map.of("200", new TreeMap<>()), q, asked));
    assertThat(asked).containsExactly("x[604800s]");
  }
}
