package dev.slo.core.group;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Expands a grouped SLO into one SLO per distinct value set of its {@code group_by} labels. Every
 * command (eval, check, report, serve) calls {@link #expand}, so discovery, order and the {@code
 * max_groups} cap are the same everywhere. Stateless.
 */
public final class Groups {
  private Groups() {}

  /**
   * The SLOs to evaluate for {@code slo}: itself when it is not a grouped template; otherwise one
   * per label set {@code source} saw in {@code (from, to]}, sorted by label values in {@code
   * group_by} order, at most {@code max_groups} of them (the first ones; a warning says how many
   * were dropped). When the source saw no group (or cannot group), the template itself, which has
   * no events of its own.
   *
   * @throws dev.slo.core.SourceException when the source cannot be read
   */
  public static Expansion expand(Slo slo, EventSource source, Instant from, Instant to) {
    if (!slo.isGroupTemplate()) {
      return new Expansion(slo, List.of(slo), 0, null);
    }
    return expand(slo, source.groups(slo, from, to));
  }

  /**
   * The per-group SLOs of {@code slo} for the given label sets (see {@link #expand(Slo,
   * EventSource, Instant, Instant)}); a label missing from a set counts as the empty value, labels
   * not in {@code group_by} are ignored.
   */
  public static Expansion expand(Slo slo, Collection<Map<String, String>> labelSets) {
    if (!slo.isGroupTemplate()) {
      return new Expansion(slo, List.of(slo), 0, null);
    }
    List<String> by = slo.groupBy();
    TreeMap<List<String>, Map<String, String>> sorted = new TreeMap<>(Groups::compare);
    for (Map<String, String> set : labelSets) {
      Map<String, String> labels = new LinkedHashMap<>();
      List<String> values = new ArrayList<>(by.size());
      for (String name : by) {
        String v = set.getOrDefault(name, "");
        labels.put(name, v);
        values.add(v);
      }
      sorted.putIfAbsent(values, labels);
    }
    if (sorted.isEmpty()) {
      return new Expansion(slo, List.of(slo), 0, null);
    }
    int found = sorted.size();
    int kept = Math.min(found, slo.maxGroups());
    List<Slo> out = new ArrayList<>(kept);
    for (Map<String, String> labels : sorted.values()) {
      if (out.size() == kept) {
        break;
      }
      out.add(slo.forGroup(labels));
    }
    String warning = null;
    if (found > kept) {
      warning =
          found
              + " groups of SLO "
              + slo.sloId()
              + " by "
              + by
              + " exceed max_groups "
              + slo.maxGroups()
              + ": evaluating the first "
              + kept
              + " in label order, dropped "
              + (found - kept);
    }
    return new Expansion(slo, List.copyOf(out), found, warning);
  }

  /**
   * {@link #expand(Slo, EventSource, Instant, Instant)} over the part of the SLO's period elapsed
   * at {@code at}: the groups an evaluation at {@code at} covers.
   */
  public static Expansion expandAt(Slo slo, EventSource source, Instant at) {
    if (!slo.isGroupTemplate()) {
      return new Expansion(slo, List.of(slo), 0, null);
    }
    dev.slo.core.window.Window w = slo.timePeriod().elapsedAt(at, slo.timeZone());
    return expand(slo, source, w.start(), w.end());
  }

  /**
   * Every SLO of {@code slos} expanded at {@code at} ({@link #expandAt}), in order, each template
   * replaced by its groups, with the max_groups warnings.
   */
  public static Expanded expandAllAt(List<Slo> slos, EventSource source, Instant at) {
    List<Slo> out = new ArrayList<>(slos.size());
    List<String> warnings = new ArrayList<>();
    for (Slo s : slos) {
      Expansion e = expandAt(s, source, at);
      out.addAll(e.slos());
      String warning = e.warning();
      if (warning != null) {
        warnings.add(warning);
      }
    }
    return new Expanded(List.copyOf(out), List.copyOf(warnings));
  }

  /**
   * A list of SLOs with every grouped one replaced by its groups.
   *
   * @param slos the SLOs to evaluate, groups in place of their templates
   * @param warnings the max_groups warnings, one per capped SLO
   */
  public record Expanded(List<Slo> slos, List<String> warnings) {
    /**
     * Only the groups {@code ids} names, when it names one in group form ({@code
     * checkout{region="eu"}}, {@link dev.slo.core.model.GroupId#isGroupForm}): then an SLO is kept
     * when {@code ids} holds its slo_id or the id of its grouped SLO. Otherwise this, unchanged.
     */
    public Expanded only(List<String> ids) {
      if (ids.stream().noneMatch(dev.slo.core.model.GroupId::isGroupForm)) {
        return this;
      }
      List<Slo> kept =
          slos.stream().filter(s -> ids.contains(s.sloId()) || ids.contains(s.baseId())).toList();
      return new Expanded(kept, warnings);
    }
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /**
   * What one SLO expanded to.
   *
   * @param template the SLO as written
   * @param slos the SLOs to evaluate: the template itself when it is not grouped or no group was
   *     seen, otherwise its groups in label order
   * @param found how many groups the source saw (0 when not grouped)
   * @param warning the max_groups warning when groups were dropped, else null
   */
  public record Expansion(Slo template, List<Slo> slos, int found, @Nullable String warning) {
    /** How many groups were dropped by max_groups. */
    public int dropped() {
      return template.isGroupTemplate() && found > 0 ? found - slos.size() : 0;
    }
  }
}
