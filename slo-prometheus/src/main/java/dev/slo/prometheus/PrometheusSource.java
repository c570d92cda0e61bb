package dev.slo.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads SLO events from a server that speaks the Prometheus HTTP API. In {@link Mode#PUSHDOWN} the
 * server computes {@code increase()} (or the user's query) per window; in {@link Mode#EXACT} raw
 * counter samples are fetched once per SLO and each window's increase is computed here with counter
 * resets and no extrapolation. Every counter query of one call uses the evaluation instant (the
 * latest window end) as {@code time=}, with {@code offset} for windows that end earlier; pushdown
 * sends up to {@value #PARALLEL_QUERIES} queries at once. Thread-safe.
 */
public final class PrometheusSource implements EventSource {
  /** How windows are counted. */
  public enum Mode {
    /** The server evaluates {@code increase()} per window: fast, extrapolated. */
    PUSHDOWN,
    /** Raw samples, increase computed here: exact on regularly scraped counters. */
    EXACT
  }

  /** Pushdown queries of one evaluation run this many at a time (daemon threads, shared). */
  static final int PARALLEL_QUERIES = 8;

  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          PARALLEL_QUERIES,
          r -> {
            Thread t = new Thread(r, "slo-prometheus-query");
            t.setDaemon(true);
            return t;
          });

  /**
   * How far before the earliest window exact mode fetches samples, to find the one that anchors it:
   * an hour covers any usual scrape interval and costs little next to 30 days.
   */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);

  /** Ratio-only SLIs are scaled to this many events per window. */
  static final long RATIO_SCALE = 1_000_000_000L;

  private final PrometheusClient client;
  private final Mode mode;
  private final Duration lookback;
  private final ConcurrentHashMap<String, String> latencyLe = new ConcurrentHashMap<>();

  /**
   * A source.
   *
   * @param client the server
   * @param mode pushdown or exact
   * @param lookback exact mode: how far before a window's start to look for the sample that anchors
   *     it (at least one scrape interval; default {@link #DEFAULT_LOOKBACK})
   */
  public PrometheusSource(PrometheusClient client, Mode mode, Duration lookback) {
    this.client = Objects.requireNonNull(client, "client");
    this.mode = Objects.requireNonNull(mode, "mode");
    if (lookback.isNegative() || lookback.isZero()) {
      throw new IllegalArgumentException(lookback + " is not a valid lookback: use > 0");
    }
    this.lookback = lookback;
  }

  /** A pushdown source with default settings. */
  public static PrometheusSource pushdown(PrometheusClient client) {
    return new PrometheusSource(client, Mode.PUSHDOWN, DEFAULT_LOOKBACK);
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    if (windows.isEmpty()) {
      return List.of();
    }
    Instant at = windows.stream().map(Window::end).max(Instant::compareTo).orElseThrow();
    SliQueries q = SliQueries.of(slo, le(slo, at));
    if (mode == Mode.EXACT || (q.kind() == SliQueries.Kind.COUNTERS && windows.size() > 64)) {
      if (q.kind() != SliQueries.Kind.COUNTERS) {
        throw new InvalidInputException(
            slo.sloId()
                + ": exact mode needs counters (good_counter/bad_counter + total_counter,"
                + " or latency); queries and sli_query work in pushdown mode only");
      }
      return exact(slo, q, windows, at);
    }
    List<CompletableFuture<Counted>> futures = new ArrayList<>(windows.size());
    for (Window w : windows) {
      futures.add(
          w.end().isAfter(w.start())
              ? CompletableFuture.supplyAsync(() -> pushdown(slo, q, w, at), POOL)
              : CompletableFuture.completedFuture(new Counted(EventCounts.ZERO, false)));
    }
    List<EventCounts> out = new ArrayList<>(windows.size());
    boolean anyTotal = false;
    for (CompletableFuture<Counted> f : futures) {
      Counted c;
      try {
        c = f.join();
      } catch (CompletionException e) {
        futures.forEach(x -> x.cancel(false));
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
      anyTotal |= c.found();
      out.add(c.counts());
    }
    if (!anyTotal && q.kind() != SliQueries.Kind.RATIO) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    return out;
  }

  private record Counted(EventCounts counts, boolean found) {}

  /**
   * Counter windows are queried at {@code time=at}, with {@code offset} for windows that end
   * earlier; user queries are evaluated at the window's end, since {@code {{window}}} cannot carry
   * an offset.
   */
  private Counted pushdown(Slo slo, SliQueries q, Window w, Instant at) {
    String range = range(w.length());
    Duration offset = Duration.between(w.end(), at);
    return switch (q.kind()) {
      case RATIO -> {
        Double ratio = scalar(slo, SliQueries.withWindow(q.total(), range), w.end(), true);
        if (ratio == null || ratio.isNaN()) {
          yield new Counted(EventCounts.ZERO, false);
        }
        if (ratio < 0 || ratio > 1) {
          throw new SourceException(
              client.base()
                  + ": "
                  + slo.sloId()
                  + ": sli_query gave "
                  + ratio
                  + " at "
                  + w.end()
                  + "; it must be a good ratio between 0 and 1");
        }
        yield new Counted(new EventCounts(Math.round(ratio * RATIO_SCALE), RATIO_SCALE), true);
      }
      case COUNTERS, QUERIES -> {
        boolean counters = q.kind() == SliQueries.Kind.COUNTERS;
        String totalQ =
            counters ? increase(q.total(), range, offset) : SliQueries.withWindow(q.total(), range);
        Instant time = counters ? at : w.end();
        Double total = scalar(slo, totalQ, time, false);
        String part = q.good() != null ? q.good() : q.bad();
        String partQ =
            counters ? increase(part, range, offset) : SliQueries.withWindow(part, range);
        Double p = total == null ? null : scalar(slo, partQ, time, false);
        long t = total == null ? 0 : Math.round(total);
        long v = p == null ? 0 : Math.round(p);
        yield new Counted(counts(slo, q.good() != null, v, t, w.end()), total != null);
      }
    };
  }

  private EventCounts counts(Slo slo, boolean isGood, long part, long total, Instant at) {
    long good = isGood ? part : total - part;
    if (good < 0 || good > total || total < 0) {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": at "
              + at
              + " the server gave "
              + (isGood ? "good=" + part : "bad=" + part)
              + " and total="
              + total
              + "; good events must be between 0 and total");
    }
    return new EventCounts(good, total);
  }

  private static String increase(String selector, String range) {
    return increase(selector, range, Duration.ZERO);
  }

  private static String increase(String selector, String range, Duration offset) {
    return "sum(increase("
        + selector
        + "["
        + range
        + "]"
        + (offset.isZero() ? "" : " offset " + range(offset))
        + "))";
  }

  /** A Prometheus range: whole seconds, or milliseconds when needed. */
  static String range(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.getSeconds() + "s" : d.toMillis() + "ms";
  }

  /** The single value of a query, or null when the result is empty. */
  private Double scalar(Slo slo, String query, Instant at, boolean nanOk) {
    JsonNode data = client.query(query, at);
    String type = data.path("resultType").asText();
    JsonNode result = data.path("result");
    String text;
    if (type.equals("scalar")) {
      text = result.path(1).asText();
    } else if (type.equals("vector")) {
      if (result.isEmpty()) {
        return null;
      }
      if (result.size() > 1) {
        throw tooManySeries(slo, result.size(), query);
      }
      text = result.get(0).path("value").path(1).asText();
    } else {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": the query returned a "
              + type
              + ", expected an instant vector: "
              + query);
    }
    double v = parse(text);
    if (Double.isNaN(v) && !nanOk) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": the query returned NaN at " + at + ": " + query);
    }
    if (Double.isInfinite(v)) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": the query returned " + text + ": " + query);
    }
    return v;
  }

  private SourceException tooManySeries(Slo slo, int n, String query) {
    return new SourceException(
        client.base()
            + ": "
            + slo.sloId()
            + ": the query returned "
            + n
            + " series; wrap it in sum(): "
            + query);
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text.replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
    } catch (NumberFormatException e) {
      throw new SourceException("the server sent \"" + text + "\" where a number belongs", e);
    }
  }

  private List<EventCounts> exact(Slo slo, SliQueries q, List<Window> windows, Instant at) {
    Instant earliest = windows.stream().map(Window::start).min(Instant::compareTo).orElseThrow();
    Duration span = Duration.between(earliest, at).plus(lookback);
    List<CounterIncrease> total = samples(slo, q.total(), span, at);
    String part = q.good() != null ? q.good() : q.bad();
    List<CounterIncrease> parts = samples(slo, part, span, at);
    if (total.isEmpty()) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": no series match " + q.total() + " at " + at);
    }
    List<EventCounts> out = new ArrayList<>(windows.size());
    for (Window w : windows) {
      long t = Math.round(sum(total, w));
      long p = Math.round(sum(parts, w));
      out.add(counts(slo, q.good() != null, p, t, w.end()));
    }
    return out;
  }

  private static double sum(List<CounterIncrease> series, Window w) {
    double s = 0;
    for (CounterIncrease c : series) {
      s += c.over(w.start(), w.end());
    }
    return s;
  }

  private List<CounterIncrease> samples(Slo slo, String selector, Duration span, Instant at) {
    JsonNode data = client.query(selector + "[" + range(span) + "]", at);
    if (!"matrix".equals(data.path("resultType").asText())) {
      throw new SourceException(
          client.base() + ": " + slo.sloId() + ": expected a range vector for " + selector);
    }
    List<CounterIncrease> out = new ArrayList<>();
    for (JsonNode series : data.path("result")) {
      JsonNode values = series.path("values");
      long[] ms = new long[values.size()];
      double[] vs = new double[values.size()];
      for (int i = 0; i < values.size(); i++) {
        JsonNode pair = values.get(i);
        ms[i] = Math.round(pair.path(0).asDouble() * 1000);
        vs[i] = parse(pair.path(1).asText());
        if (Double.isNaN(vs[i])) {
          throw new SourceException(
              client.base() + ": " + slo.sloId() + ": NaN sample in " + selector);
        }
      }
      out.add(new CounterIncrease(ms, vs));
    }
    return out;
  }

  /** The {@code le} label value matching a latency SLO's threshold, checked once per SLO. */
  private String le(Slo slo, Instant at) {
    LatencySli l = slo.sli().latency();
    if (l == null) {
      return null;
    }
    return "le=\"" + latencyLe.computeIfAbsent(slo.sloId(), id -> findLe(slo, l, at)) + "\"";
  }

  private String findLe(Slo slo, LatencySli l, Instant at) {
    JsonNode data =
        client.query("count by (le) (" + l.histogram() + "_bucket" + l.selector() + ")", at);
    List<String> les = new ArrayList<>();
    for (JsonNode s : data.path("result")) {
      les.add(s.path("metric").path("le").asText());
    }
    if (les.isEmpty()) {
      throw new SourceException(
          client.base()
              + ": "
              + slo.sloId()
              + ": no series match "
              + l.histogram()
              + "_bucket"
              + l.selector()
              + " at "
              + at);
    }
    return LeMatch.find(slo.sloId(), l.threshold(), les);
  }
}
