package dev.slo.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One subquery of a batched range query: one selector's hourly increases, or those of many
 * selectors that differ in one label's value ({@link FanSubquery#plan}), summed by that label.
 *
 * @param query the PromQL
 * @param fanLabel the label telling the selectors apart, or null for one selector
 * @param points the terms wanted, by the value of {@code fanLabel} ({@code ""} for one selector)
 */
record RangeQuery(
    String query, @Nullable String fanLabel, Map<String, List<TermCache.Term>> points) {

  /** Terms of one selector and length wanted at hourly points. */
  record Wanted(String selector, long lengthMs, List<TermCache.Term> points) {}

  /** The subqueries for {@code terms}: selectors that differ in one label's value merged. */
  static List<RangeQuery> merge(List<Wanted> terms) {
    List<Wanted> alone = new ArrayList<>();
    List<RangeQuery> out = new ArrayList<>();
    for (FanSubquery.Group<Wanted> g :
        FanSubquery.plan(terms, Wanted::selector, t -> List.of(t.lengthMs()), t -> null, alone)) {
      Map<String, List<TermCache.Term>> points = new LinkedHashMap<>();
      g.members().forEach((v, t) -> points.put(v, t.points()));
      long len = g.members().values().iterator().next().lengthMs();
      out.add(
          new RangeQuery(
              "sum by ("
                  + g.label()
                  + ") (increase("
                  + g.selector()
                  + "["
                  + PrometheusSource.range(len)
                  + "]))",
              g.label(),
              points));
    }
    for (Wanted t : alone) {
      out.add(
          new RangeQuery(
              "sum(increase(" + t.selector() + "[" + PrometheusSource.range(t.lengthMs()) + "]))",
              null,
              Map.of("", t.points())));
    }
    return out;
  }
}
