package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InstantSubqueryProperties {
  @Provide
  Arbitrary<List<TermCache.Term>> terms() {
    Arbitrary<String> matcher =
        Arbitraries.of(
            "service=\"a\"",
            "service=\"b\"",
            "code=\"500\"",
            "code=\"200\"",
            "code=~\"5..\"",
            "env=\"\"",
            "slo_term=\"1\"",
            "service!=\"c\"",
            "service=\"a\"");
    Arbitrary<TermCache.Term> term =
        Combinators.combine(
                Arbitraries.of("m", "n"),
                matcher.list().ofMaxSize(3),
                Arbitraries.of(60_000L, 3_600_000L),
                Arbitraries.of(0L, 3_600_000L))
            .as(
                (name, ms, len, end) ->
                    new TermCache.Term(name + "{" + String.join(",", ms) + "}", len, end));
    return term.list().ofMaxSize(40).uniqueElements();
  }

  /** The index of refiners answers as comparing every pair did. */
  @Property
  void groupsAsComparingEveryPairDoes(@ForAll("terms") List<TermCache.Term> terms) {
    assertThat(InstantSubquery.of(terms)).isEqualTo(reference(terms));
  }

  /** Every pair of terms of one window compared, in term order: the plain statement of the rule. */
  private static List<InstantSubquery> reference(List<TermCache.Term> terms) {
    Map<List<Long>, List<TermCache.Term>> byWindow = new LinkedHashMap<>();
    for (TermCache.Term t : terms) {
      byWindow.computeIfAbsent(List.of(t.lengthMs(), t.endMs()), k -> new ArrayList<>()).add(t);
    }
    List<InstantSubquery> out = new ArrayList<>();
    for (List<TermCache.Term> group : byWindow.values()) {
      boolean[] used = new boolean[group.size()];
      for (int i = 0; i < group.size(); i++) {
        if (used[i]) {
          continue;
        }
        String label = null;
        Map<String, TermCache.Term> parts = new LinkedHashMap<>();
        for (int j = 0; j < group.size(); j++) {
          if (j == i || used[j]) {
            continue;
          }
          Selector.Matcher m =
              group.size() > 1
                  ? Selector.refinement(
                      Selector.parse(group.get(i).selector()),
                      Selector.parse(group.get(j).selector()))
                  : null;
          if (m == null
              || m.label().equals(CounterPushdown.TERM_LABEL)
              || (label != null && !label.equals(m.label()))
              || parts.containsKey(m.value())) {
            continue;
          }
          label = m.label();
          parts.put(m.value(), group.get(j));
          used[j] = true;
        }
        used[i] = true;
        out.add(new InstantSubquery(group.get(i), label, Map.copyOf(parts)));
      }
    }
    return out;
  }
}
