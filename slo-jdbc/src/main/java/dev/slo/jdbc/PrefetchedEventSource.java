package dev.slo.jdbc;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An {@link EventSource} that answers one evaluation of many SLOs from three statements: a dry run
 * of the evaluator records the windows each SLO asks for (they depend on the SLO and the instant
 * only), {@link BatchCounts} answers them all at once, and the real run reads the answers. A window
 * that was not recorded falls back to the per-SLO path. Thread-safe after construction.
 */
final class PrefetchedEventSource implements EventSource {
  private final StoreEventSource fallback;
  private final Map<String, Map<Window, EventCounts>> answers;

  private PrefetchedEventSource(
      StoreEventSource fallback, Map<String, Map<Window, EventCounts>> answers) {
    this.fallback = fallback;
    this.answers = answers;
  }

  static PrefetchedEventSource of(
      Db db, Evaluator evaluator, List<Slo> slos, Instant at, List<String> notes) {
    Map<String, Set<Window>> asked = new HashMap<>();
    EventSource recorder =
        (slo, windows) -> {
          asked.computeIfAbsent(slo.sloId(), k -> new LinkedHashSet<>()).addAll(windows);
          List<EventCounts> zeros = new ArrayList<>(windows.size());
          for (int i = 0; i < windows.size(); i++) {
            zeros.add(new EventCounts(0, 0));
          }
          return zeros;
        };
    evaluator.evaluateAll(slos, recorder, at);
    Map<String, List<Window>> requests = new HashMap<>();
    asked.forEach((k, v) -> requests.put(k, new ArrayList<>(v)));
    Map<String, Map<Window, EventCounts>> answers =
        db.plainTransaction(
            "reading the SLI history of " + requests.size() + " SLOs",
            c -> {
              readSettings(c);
              Retention.Bounds bounds = Retention.read(c);
              return new BatchCounts(bounds.rawFrom(), bounds.hourFrom(), notes)
                  .answer(c, requests);
            });
    return new PrefetchedEventSource(new StoreEventSource(db), answers);
  }

  /**
   * Makes the current transaction a read-only snapshot with custom plans and no JIT. Custom plans
   * only: after five runs of a server-prepared statement PostgreSQL may switch to a generic plan,
   * which for the hour read is a hash join over every hour bucket of the month (~100 ms instead of
   * ~1 ms). No JIT: the raw-edge read's estimate (a lateral scan per piece over every daily
   * partition) passes {@code jit_above_cost}, and compiling it costs ~200 ms for a plan that runs
   * in ~3 ms. {@code SET LOCAL} ends with the transaction, so a reused connection is left as it
   * was.
   */
  static void readSettings(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(
          "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
              + " SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL jit = off");
    }
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    Map<Window, EventCounts> known = answers.get(slo.sloId());
    if (known != null) {
      List<EventCounts> out = new ArrayList<>(windows.size());
      for (Window w : windows) {
        EventCounts c = known.get(w);
        if (c == null) {
          return fallback.counts(slo, windows);
        }
        out.add(c);
      }
      return out;
    }
    return fallback.counts(slo, windows);
  }

  @Override
  public java.util.Set<java.util.Map<String, String>> groups(
      Slo template, java.time.Instant from, java.time.Instant to) {
    return fallback.groups(template, from, to);
  }
}
