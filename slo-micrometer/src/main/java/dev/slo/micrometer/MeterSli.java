package dev.slo.micrometer;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where an SLO's events are in a service's own Micrometer meters: good (or bad) and total events as
 * the summed counts of the meters two selectors match (counters, timers, distribution summaries),
 * or a latency SLI from a timer's histogram: total = the timer's count, good = its cumulative count
 * at the bucket equal to the threshold. Counts are read cumulatively, so the registry must count
 * cumulatively (Prometheus, or a {@code SimpleMeterRegistry} in its default mode). Immutable.
 */
public final class MeterSli {
  private enum Kind {
    GOOD,
    BAD,
    LATENCY
  }

  private final Kind kind;
  private final MeterSelector part; // good or bad events, or the timer for latency
  private final MeterSelector total;
  private final @Nullable Duration threshold; // latency only

  private MeterSli(
      Kind kind, MeterSelector part, MeterSelector total, @Nullable Duration threshold) {
    this.kind = kind;
    this.part = part;
    this.total = total;
    this.threshold = threshold;
  }

  /** Good events over total events, e.g. {@code http.server.requests{status!~"5.."}}. */
  public static MeterSli goodOverTotal(String good, String total) {
    return new MeterSli(Kind.GOOD, MeterSelector.parse(good), MeterSelector.parse(total), null);
  }

  /** Bad events over total events; good = total - bad. */
  public static MeterSli badOverTotal(String bad, String total) {
    return new MeterSli(Kind.BAD, MeterSelector.parse(bad), MeterSelector.parse(total), null);
  }

  /**
   * Requests of the timers {@code timer} matches that took at most {@code threshold}. The timers
   * must have a histogram bucket at exactly the threshold (Micrometer: {@code
   * serviceLevelObjectives(threshold)}; Spring Boot: {@code
   * management.metrics.distribution.slo.<name>=300ms}).
   */
  public static MeterSli latency(String timer, Duration threshold) {
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException(threshold + " is not a valid latency threshold: use > 0");
    }
    MeterSelector t = MeterSelector.parse(timer);
    return new MeterSli(Kind.LATENCY, t, t, threshold);
  }

  /**
   * The meters named in an SLO's spec, when it has counters or a latency histogram: Prometheus
   * names become Micrometer names by dropping {@code _total}, {@code _count}, {@code _bucket} and a
   * unit suffix ({@code _seconds}, {@code _milliseconds}) and turning '_' into '.'; so {@code
   * http_server_requests_seconds_count{status!~"5.."}} reads {@code http.server.requests}.
   */
  public static Optional<MeterSli> fromSpec(Slo slo) {
    SliDefinition d = slo.sli();
    if (d.latency() != null) {
      LatencySli l = d.latency();
      String unit = l.histogram().endsWith("_milliseconds") ? "ms" : "s";
      Duration thr = Duration.ofNanos(Math.round(l.threshold() * (unit.equals("ms") ? 1e6 : 1e9)));
      return Optional.of(latency(micrometerName(l.histogram()) + l.selector(), thr));
    }
    if (d.totalCounter() != null) {
      String total = convert(d.totalCounter());
      return Optional.of(
          d.goodCounter() != null
              ? goodOverTotal(convert(d.goodCounter()), total)
              : badOverTotal(
                  convert(Objects.requireNonNull(d.badCounter(), "bad_counter")), total));
    }
    return Optional.empty();
  }

  private static String convert(String promSelector) {
    int brace = promSelector.indexOf('{');
    String name = brace < 0 ? promSelector : promSelector.substring(0, brace);
    return micrometerName(name.trim()) + (brace < 0 ? "" : promSelector.substring(brace));
  }

  static String micrometerName(String prom) {
    String n = prom;
    for (String suffix : new String[] {"_total", "_count", "_bucket", "_sum"}) {
      if (n.endsWith(suffix)) {
        n = n.substring(0, n.length() - suffix.length());
        break;
      }
    }
    for (String unit : new String[] {"_seconds", "_milliseconds"}) {
      if (n.endsWith(unit)) {
        n = n.substring(0, n.length() - unit.length());
        break;
      }
    }
    return n.replace('_', '.');
  }

  /**
   * The cumulative {good, total} counts in {@code registry} now.
   *
   * @throws InvalidInputException when a latency timer has no bucket at the threshold
   */
  long[] read(MeterRegistry registry) {
    if (kind == Kind.LATENCY) {
      return readLatency(registry);
    }
    // the part first: it is a subset of the total, so a later total is never smaller
    double p = sum(registry, part);
    double t = sum(registry, total);
    long tl = Math.round(t);
    long pl = Math.min(Math.round(p), tl);
    return kind == Kind.GOOD ? new long[] {pl, tl} : new long[] {tl - pl, tl};
  }

  private long[] readLatency(MeterRegistry registry) {
    Duration threshold = Objects.requireNonNull(this.threshold, "a latency SLI's threshold");
    double thr = threshold.toNanos();
    double good = 0;
    double count = 0;
    for (Meter m : registry.getMeters()) {
      if (m instanceof Timer timer && part.matches(m.getId())) {
        var snap = timer.takeSnapshot();
        boolean found = false;
        for (CountAtBucket b : snap.histogramCounts()) {
          if (Math.abs(b.bucket(TimeUnit.NANOSECONDS) - thr) < 0.5) {
            good += b.count();
            found = true;
          }
        }
        if (!found) {
          throw new InvalidInputException(
              threshold
                  + " is not a histogram bucket of timer "
                  + m.getId().getName()
                  + m.getId().getTags()
                  + ": add serviceLevelObjectives("
                  + threshold
                  + ") to the timer (Spring Boot: management.metrics.distribution.slo."
                  + m.getId().getName()
                  + "="
                  + threshold.toMillis()
                  + "ms)");
        }
        count += snap.count();
      }
    }
    long tl = Math.round(count);
    return new long[] {Math.min(Math.round(good), tl), tl};
  }

  private static double sum(MeterRegistry registry, MeterSelector selector) {
    double s = 0;
    for (Meter m : registry.getMeters()) {
      if (!selector.matches(m.getId())) {
        continue;
      }
      if (m instanceof Counter c) {
        s += c.count();
      } else if (m instanceof FunctionCounter c) {
        s += c.count();
      } else if (m instanceof Timer t) {
        s += t.count();
      } else if (m instanceof FunctionTimer t) {
        s += t.count();
      } else if (m instanceof DistributionSummary d) {
        s += d.count();
      }
    }
    return s;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case GOOD -> "good=" + part + " total=" + total;
      case BAD -> "bad=" + part + " total=" + total;
      case LATENCY -> "latency " + part + " <= " + threshold;
    };
  }
}
