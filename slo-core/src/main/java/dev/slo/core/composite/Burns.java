package dev.slo.core.composite;

import dev.slo.core.SourceException;
import dev.slo.core.eval.SliInterval;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.window.Window;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The burn rate of each SLO of one composite evaluation in each window, exact, memoised so that a
 * leaf shared by several composites is read from the source once. A window in which an SLO has no
 * events has no burn rate (null): a leaf without events there, or a composite none of whose
 * components has events there. Not thread-safe; one per evaluation.
 */
final class Burns {
  private static final MathContext MC = MathContext.DECIMAL128;

  private final Map<String, Slo> byId;
  private final EventSource source;
  private final List<Window> windows;
  private final Map<String, Node> memo = new HashMap<>();
  private final Map<String, List<EventCounts>> leafCounts = new HashMap<>();

  Burns(Map<String, Slo> byId, EventSource source, List<Window> windows) {
    this.byId = byId;
    this.source = source;
    this.windows = windows;
  }

  /**
   * One SLO's burn rates per window, and the leaves it is built from.
   *
   * @param burns burn rate per window; null where it has no events
   * @param leaves the leaf SLOs it rests on with their counts in the first window (the elapsed
   *     period), each once
   */
  record Node(
      Map<Window, @Nullable BigDecimal> burns,
      Map<Window, @Nullable Bounds> bounds,
      Map<String, EventCounts> leaves) {
    @Nullable BigDecimal burn(Window w) {
      return burns.get(w);
    }

    /** The burn rates the 95% Wilson bounds imply over {@code w}; null where it has no events. */
    @Nullable Bounds bounds(Window w) {
      return bounds.get(w);
    }

    /** The leaves' counts over the elapsed period, summed. */
    EventCounts units() {
      EventCounts sum = EventCounts.ZERO;
      for (EventCounts c : leaves.values()) {
        sum = sum.plus(c);
      }
      return sum;
    }
  }

  /**
   * The burn rates implied by the 95% Wilson interval (docs/math.md, "Composite SLOs"): {@code low}
   * from the interval's upper SLI bound, {@code high} from its lower one; {@code low <= burn <=
   * high}.
   */
  record Bounds(double low, double high) {}

  /** The events under {@code n} in {@code w}: its leaves' counts, each leaf once. */
  EventCounts events(Node n, Window w) {
    int i = windows.indexOf(w);
    EventCounts sum = EventCounts.ZERO;
    for (String leaf : n.leaves().keySet()) {
      sum = sum.plus(Objects.requireNonNull(leafCounts.get(leaf), "leaf read").get(i));
    }
    return sum;
  }

  Slo slo(String id) {
    Slo s = byId.get(id);
    if (s == null) {
      throw new IllegalArgumentException(
          id + " is not a known SLO: check composites with CompositeGraph before evaluating");
    }
    return s;
  }

  Node of(Slo slo) {
    Node known = memo.get(slo.sloId());
    if (known != null) {
      return known;
    }
    Node n = slo.isComposite() ? composite(slo) : leaf(slo);
    memo.put(slo.sloId(), n);
    return n;
  }

  private Node leaf(Slo slo) {
    List<EventCounts> counts = source.counts(slo, windows);
    if (counts.size() != windows.size()) {
      throw new SourceException(
          "source answered " + counts.size() + " counts for " + windows.size() + " windows");
    }
    leafCounts.put(slo.sloId(), List.copyOf(counts));
    BigDecimal ratio = slo.errorBudgetRatio();
    double epsilon = ratio.doubleValue();
    Map<Window, @Nullable BigDecimal> burns = new LinkedHashMap<>();
    Map<Window, @Nullable Bounds> bounds = new LinkedHashMap<>();
    for (int i = 0; i < windows.size(); i++) {
      EventCounts c = counts.get(i);
      burns.put(
          windows.get(i),
          c.total() == 0
              ? null
              : BigDecimal.valueOf(c.bad())
                  .divide(BigDecimal.valueOf(c.total()).multiply(ratio), MC));
      SliInterval w = SliInterval.wilson(c);
      bounds.put(
          windows.get(i),
          w == null
              ? null
              : new Bounds(
                  (1 - w.upperPercent() / 100) / epsilon, (1 - w.lowerPercent() / 100) / epsilon));
    }
    return new Node(burns, bounds, Map.of(slo.sloId(), counts.get(0)));
  }

  private Node composite(Slo slo) {
    Map<Window, @Nullable BigDecimal> burns = new LinkedHashMap<>();
    Map<Window, @Nullable Bounds> bounds = new LinkedHashMap<>();
    Map<String, EventCounts> leaves = new LinkedHashMap<>();
    List<CompositeComponent> parts = slo.composite().components();
    Set<Node> nodes = new LinkedHashSet<>();
    Node[] byPart = new Node[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      byPart[i] = of(slo(parts.get(i).sloId()));
      nodes.add(byPart[i]);
    }
    for (Node n : nodes) {
      leaves.putAll(n.leaves());
    }
    for (Window w : windows) {
      BigDecimal weighted = BigDecimal.ZERO;
      BigDecimal weights = BigDecimal.ZERO;
      double low = 0;
      double high = 0;
      double boundWeights = 0;
      for (int i = 0; i < parts.size(); i++) {
        BigDecimal b = byPart[i].burn(w);
        if (b != null) {
          weighted = weighted.add(parts.get(i).weight().multiply(b));
          weights = weights.add(parts.get(i).weight());
        }
        Bounds pb = byPart[i].bounds(w);
        if (pb != null) {
          double weight = parts.get(i).weight().doubleValue();
          low += weight * pb.low();
          high += weight * pb.high();
          boundWeights += weight;
        }
      }
      burns.put(w, weights.signum() == 0 ? null : weighted.divide(weights, MC));
      bounds.put(w, boundWeights == 0 ? null : new Bounds(low / boundWeights, high / boundWeights));
    }
    return new Node(burns, bounds, leaves);
  }

  /**
   * A composite's SLI interval in percent from its burn-rate bounds: {@code [max(0, 1 - ε × high),
   * max(0, 1 - ε × low)] × 100}; null without bounds.
   */
  static @Nullable SliInterval interval(double epsilon, @Nullable Bounds b) {
    if (b == null) {
      return null;
    }
    return new SliInterval(
        Math.max(0, 1 - epsilon * b.high()) * 100, Math.max(0, 1 - epsilon * b.low()) * 100);
  }

  /** A composite's SLI in percent from its burn rate: {@code max(0, 1 - ratio × burn) × 100}. */
  static Double sliPercent(BigDecimal ratio, BigDecimal burn) {
    BigDecimal sli = BigDecimal.ONE.subtract(ratio.multiply(burn));
    return sli.signum() < 0 ? 0.0 : sli.movePointRight(2).doubleValue();
  }
}
