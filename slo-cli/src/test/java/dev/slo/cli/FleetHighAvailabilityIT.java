package dev.slo.cli;

import static dev.slo.cli.Replicas.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.store.Shards;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's fleet under a steady read load, with real processes and a PostgreSQL of its own (the
 * shared cluster is left alone): three {@code slo serve --fleet} replicas over 300 SLOs lose one to
 * SIGKILL while its events wait in the outbox, a fourth joins, and PostgreSQL restarts under them.
 * Every event reaches the test's webhook receiver exactly once by event_id, and every read answers
 * 200 or 503.
 */
@Timeout(300)
class FleetHighAvailabilityIT {
  private static final int SLOS = 300;
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir Path dir;

  private final Map<String, AtomicLong> codes = new ConcurrentHashMap<>();
  private final List<String> bad = new CopyOnWriteArrayList<>();
  private final List<String> samples = new CopyOnWriteArrayList<>();
  private volatile List<Integer> targets = List.of();
  private volatile boolean loading = true;
  private volatile String phase = "up";

  @Test
  void shouldKeepEvaluatingDeliveringAndAnsweringThroughAKillAJoinAndADatabaseRestart()
      throws Exception {
    long t0 = System.nanoTime();
    Path pgData = dir.resolve("pgdata");
    EmbeddedPostgres pg = postgres(pgData, 0);
    int pgPort = pg.getPort();
    String url = pg.getJdbcUrl("postgres", "postgres");
    Path spec = Fixtures.write(dir, "slos.yaml", spec());
    Path data = dir.resolve("events.csv");
    Instant now = Instant.now();
    Set<String> badSlos = new HashSet<>();
    writeData(data, now, badSlos);
    List<Thread> load = new ArrayList<>();
    try (EventReceiver receiver = new EventReceiver();
        Replicas fleet = new Replicas()) {
      String[] args = {
        "--spec",
        spec.toString(),
        "--data",
        data.toString(),
        "--jdbc",
        url,
        "--fleet",
        "--port",
        "0",
        "--interval",
        INTERVAL.toSeconds() + "s",
        "--webhook",
        receiver.url()
      };
      for (int i = 0; i < 3; i++) {
        fleet.start(dir.resolve("out-" + i), args);
      }
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ports.add(fleet.port(i));
      }
      await(
          Duration.ofSeconds(60),
          () -> fleet.sizes(ports).stream().sorted().toList().equals(List.of(21, 21, 22)),
          () -> "three replicas settle at 21/21/22: " + fleet.sizes(ports));
      await(
          Duration.ofSeconds(60),
          () -> savedAfter(url, Instant.EPOCH).size() == SLOS && pending(url) == 0,
          () -> "every SLO saved and its first event delivered; pending " + pending(url));
      assertThat(receiver.counts()).hasSize(SLOS);
      targets = List.copyOf(ports);
      for (int i = 0; i < 3; i++) {
        Thread t = new Thread(() -> readLoop(fleet), "reads-" + i);
        t.start();
        load.add(t);
      }

      // the receiver is down while a third of the SLOs, all of the victim's, turn bad
      int victim = ports.get(1);
      Set<Integer> victimShards = fleet.owned(victim);
      receiver.refuse(true);
      for (int i = 0; i < SLOS; i++) {
        if (victimShards.contains(Shards.of(id(i))) && badSlos.size() < 40) {
          badSlos.add(id(i));
        }
      }
      writeData(data, now, badSlos);
      await(
          Duration.ofSeconds(30),
          () -> pendingIn(url, victimShards) >= badSlos.size() && receiver.refused() > 0,
          () -> "the victim's events wait in the outbox: " + pendingIn(url, victimShards));
      Map<String, Instant> before = savedAfter(url, Instant.EPOCH);

      Instant killed = Instant.now();
      long k0 = System.nanoTime();
      fleet.processes.get(1).destroyForcibly().waitFor();
      List<Integer> survivors = List.of(ports.get(0), ports.get(2));
      targets = survivors;
      receiver.refuse(false);
      await(
          Duration.ofSeconds(30),
          () -> fleet.ownAllOnce(survivors),
          () -> "the survivors own all 64 shards: " + fleet.sizes(survivors));
      long takeoverMs = (System.nanoTime() - k0) / 1_000_000;
      await(
          Duration.ofSeconds(30),
          () -> savedAfter(url, killed).size() == SLOS,
          () -> "every SLO saved again after the kill");
      long gapMs = maxGap(before, savedAfter(url, killed));
      await(
          Duration.ofSeconds(60),
          () -> pending(url) == 0,
          () -> "the outbox drains after the kill: " + pending(url));
      assertEveryEventOnce(url, receiver);
      assertMetrics(fleet, survivors.get(0));
      assertThat(takeoverMs)
          .as("shards taken over (ms)")
          .isLessThan(2 * INTERVAL.toMillis() + 2000);
      assertThat(gapMs)
          .as("longest gap between saves (ms)")
          .isLessThan(3 * INTERVAL.toMillis() + 2000);

      // a replacement for the killed one and a fourth replica join
      fleet.start(dir.resolve("out-3"), args);
      fleet.start(dir.resolve("out-4"), args);
      List<Integer> four = List.of(ports.get(0), ports.get(2), fleet.port(3), fleet.port(4));
      long j0 = System.nanoTime();
      await(
          Duration.ofSeconds(30),
          () -> fleet.sizes(four).equals(List.of(16, 16, 16, 16)) && fleet.ownAllOnce(four),
          () -> "four replicas at 16 each: " + fleet.sizes(four));
      long joinMs = (System.nanoTime() - j0) / 1_000_000;
      assertThat(joinMs).as("16 shards each (ms)").isLessThan(3 * INTERVAL.toMillis() + 3000);
      targets = four;

      // PostgreSQL restarts under the fleet; meanwhile the bad SLOs recover
      long r0 = System.nanoTime();
      phase = "down";
      pg.close();
      writeData(data, now, Set.of());
      Thread.sleep(3 * INTERVAL.toMillis());
      pg = postgres(pgData, pgPort);
      phase = "back";
      Instant back = Instant.now();
      await(
          Duration.ofSeconds(60),
          () -> fleet.sizes(four).equals(List.of(16, 16, 16, 16)) && fleet.ownAllOnce(four),
          () -> "the fleet re-claims every shard: " + fleet.sizes(four));
      await(
          Duration.ofSeconds(60),
          () -> savedAfter(url, back).size() == SLOS && statusCount(url, "HEALTHY") == SLOS,
          () -> "every SLO evaluated and healthy again after the restart");
      long convergedMs = (System.nanoTime() - r0) / 1_000_000;
      await(
          Duration.ofSeconds(60),
          () -> pending(url) == 0,
          () -> "the outbox drains after the restart: " + pending(url));
      loading = false;
      for (Thread t : load) {
        t.join();
      }
      assertEveryEventOnce(url, receiver);
      assertThat(bad).as("reads other than 200 or 503").isEmpty();
      System.out.println("FleetHighAvailabilityIT: 503 while PostgreSQL was up: " + samples);
      assertThat(codes.get("up 200").get()).isPositive();
      System.out.printf(
          "FleetHighAvailabilityIT: %d SLOs, interval %s; shards taken over %d ms after SIGKILL,"
              + " longest gap between saves %d ms; two more replicas at 16 shards each %d ms after both listened;"
              + " restart converged %d ms after stop; %d events, each delivered once (%d refused"
              + " while the receiver was down); reads by phase %s;"
              + " whole test %d s%n",
          SLOS,
          INTERVAL,
          takeoverMs,
          gapMs,
          joinMs,
          convergedMs,
          receiver.counts().size(),
          receiver.refused(),
          new java.util.TreeMap<>(codes),
          (System.nanoTime() - t0) / 1_000_000_000);
    } finally {
      loading = false;
      pg.close();
    }
  }

  /** /metrics: a lag per owned shard, under three intervals, and the drained outbox. */
  private static void assertMetrics(Replicas fleet, int port) throws Exception {
    Set<Integer> owned = fleet.owned(port);
    String metrics = fleet.get(port, "/metrics").body();
    Map<Integer, Double> lag = new HashMap<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?m)^slo_fleet_shard_evaluation_lag_seconds\\{shard=\"(\\d+)\"} (\\S+)$")
            .matcher(metrics);
    while (m.find()) {
      lag.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
    }
    assertThat(lag.keySet()).isEqualTo(owned);
    assertThat(lag.values()).allMatch(v -> v < 3 * INTERVAL.toSeconds());
    await(
        Duration.ofSeconds(10),
        () -> {
          try {
            return fleet.get(port, "/metrics").body().contains("\nslo_outbox_depth 0\n");
          } catch (IOException e) {
            return false;
          }
        },
        () -> "slo_outbox_depth 0 on /metrics");
    assertThat(metrics).containsPattern("(?m)^slo_fleet_owned_shards\\{replica_id=\"[^\"]+\"} 32$");
    assertThat(metrics).containsPattern("(?m)^slo_outbox_delivered_total [1-9]");
  }

  private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("max_connections", "100")
        .start();
  }

  /** Reads every kind of SLO endpoint on a random live replica until the test ends. */
  private void readLoop(Replicas fleet) {
    String[] paths = {"/status", "/error-budget", "/history", ""};
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (loading) {
      List<Integer> t = targets;
      int port = t.get(r.nextInt(t.size()));
      String p = paths[r.nextInt(paths.length)];
      String path =
          p.isEmpty() ? "/api/v1/slos?status=HEALTHY" : "/api/v1/slos/" + id(r.nextInt(SLOS)) + p;
      try {
        HttpResponse<String> res = fleet.get(port, path);
        String key =
            res.statusCode() == 200
                ? "200"
                : res.statusCode()
                    + " "
                    + res.body().replaceAll(".*\"error\":\"([^\"]*)\".*", "$1");
        codes.computeIfAbsent(phase + " " + key, k -> new AtomicLong()).incrementAndGet();
        if (res.statusCode() == 503 && phase.equals("up") && samples.size() < 5) {
          samples.add(path + " " + res.body());
        }
        if (res.statusCode() != 200 && res.statusCode() != 503) {
          bad.add(res.statusCode() + " " + path + " " + res.body());
        }
      } catch (IOException e) {
        // a replica killed or not yet listening: no answer, not a wrong one
      }
    }
  }

  private static void assertEveryEventOnce(String url, EventReceiver receiver) throws SQLException {
    Set<String> outbox = new HashSet<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT event_id, delivered_at IS NOT NULL FROM slo_outbox")) {
      while (rs.next()) {
        assertThat(rs.getBoolean(2)).as("event %s delivered", rs.getString(1)).isTrue();
        outbox.add(rs.getString(1));
      }
    }
    Map<String, Integer> got = receiver.counts();
    assertThat(got.keySet()).as("events received, by event_id").isEqualTo(outbox);
    assertThat(got.entrySet().stream().filter(e -> e.getValue() != 1).toList())
        .as("events received more than once")
        .isEmpty();
  }

  private static long pending(String url) {
    return count(url, "SELECT count(*) FROM slo_outbox WHERE delivered_at IS NULL");
  }

  private static long pendingIn(String url, Set<Integer> shards) {
    String in = shards.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("-1");
    return count(
        url,
        "SELECT count(*) FROM slo_outbox WHERE delivered_at IS NULL AND shard IN (" + in + ")");
  }

  private static long statusCount(String url, String status) {
    return count(url, "SELECT count(*) FROM slo_status WHERE status = '" + status + "'");
  }

  private static long count(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  /** slo_id to last_updated of the SLOs saved after {@code t}; empty when the database is down. */
  private static Map<String, Instant> savedAfter(String url, Instant t) {
    Map<String, Instant> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        var st =
            c.prepareStatement(
                "SELECT slo_id, last_updated FROM slo_status WHERE last_updated > ?")) {
      st.setTimestamp(1, java.sql.Timestamp.from(t));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
        }
      }
    } catch (SQLException e) {
      return Map.of();
    }
    return out;
  }

  /** The longest time between an SLO's last save before and its first seen after. */
  private static long maxGap(Map<String, Instant> before, Map<String, Instant> after) {
    long max = 0;
    for (Map.Entry<String, Instant> e : before.entrySet()) {
      Instant next = after.get(e.getKey());
      if (next != null) {
        max = Math.max(max, Duration.between(e.getValue(), next).toMillis());
      }
    }
    return max;
  }

  private static String id(int i) {
    return String.format("svc-%03d", i);
  }

  private static String spec() {
    StringBuilder s = new StringBuilder("slos:\n");
    for (int i = 0; i < SLOS; i++) {
      s.append("  - slo_id: ")
          .append(id(i))
          .append("\n    slo_name: Service ")
          .append(i)
          .append("\n    service_name: svc\n    slo_type: AVAILABILITY\n")
          .append("    target_percentage: 99.9\n    time_period: ROLLING_24H\n");
    }
    return s.toString();
  }

  /** Ten minutes of events per SLO; those in {@code bad} fail every request. Atomic replace. */
  private static void writeData(Path file, Instant now, Set<String> bad) throws IOException {
    StringBuilder s = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    for (int i = 0; i < SLOS; i++) {
      String good = bad.contains(id(i)) ? "0" : "1000";
      for (int m = 1; m <= 10; m++) {
        s.append(now.minusSeconds(60L * m))
            .append(',')
            .append(id(i))
            .append(',')
            .append(good)
            .append(",1000\n");
      }
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, s);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
