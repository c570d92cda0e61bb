package dev.slo.core.correction;

import dev.slo.core.model.Slo;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The corrections in force, in the order given; finds those of one SLO and their merged occurrences
 * over a range. Immutable and thread-safe.
 *
 * @param all every correction
 */
public record Corrections(List<Correction> all) {
  /** No corrections. */
  public static final Corrections NONE = new Corrections(List.of());

  /** Copies the list. */
  public Corrections {
    all = List.copyOf(all);
  }

  /** These corrections followed by {@code more}, for corrections from several places. */
  public Corrections plus(List<Correction> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Correction> both = new ArrayList<>(all);
    both.addAll(more);
    return new Corrections(both);
  }

  /** True when there are none. */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** The corrections that apply to {@code slo}. */
  public List<Correction> of(Slo slo) {
    return all.stream().filter(c -> c.appliesTo(slo)).toList();
  }

  /** The union of the occurrences of {@code slo}'s corrections that overlap {@code range}. */
  public Intervals intervals(Slo slo, Window range) {
    List<Window> occurrences = new ArrayList<>();
    for (Correction c : of(slo)) {
      occurrences.addAll(c.occurrences(range));
    }
    return Intervals.union(occurrences);
  }

  /**
   * The corrections of {@code slo} with an occurrence overlapping {@code range}, each with the
   * number of such occurrences and their length inside the range (not merged with the others').
   */
  public List<Applied> touching(Slo slo, Window range) {
    List<Applied> out = new ArrayList<>();
    for (Correction c : of(slo)) {
      List<Window> occ = c.occurrences(range);
      if (!occ.isEmpty()) {
        out.add(new Applied(c, occ.size(), Intervals.union(occ).lengthWithin(range)));
      }
    }
    return out;
  }

  /**
   * A correction that touched a range.
   *
   * @param correction the correction
   * @param occurrences how many of its occurrences overlap the range
   * @param duration their length inside the range
   */
  public record Applied(Correction correction, int occurrences, Duration duration) {}
}
