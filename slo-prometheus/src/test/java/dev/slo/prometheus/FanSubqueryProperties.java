package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FanSubqueryProperties {
  /** Values with regex and string-escape characters, an empty one, and near-misses. */
  static final List<String> VALUES =
      List.of("a", "b", "a.b", "aXb", "a(b", "x|y", "x", "c\\d", "q\"r", "", "[z]", "^$", "日");

  @Provide
  Arbitrary<List<String>> selectors() {
    Arbitrary<String> one =
        Combinators.combine(
                Arbitraries.of("m", "n"),
                Arbitraries.of(List.<String>of(), List.of("env=\"prod\""), List.of("env=\"dev\"")),
                Arbitraries.of(List.<String>of(), List.of("code=~\"5..\"")),
                Arbitraries.of("service", "route"),
                Arbitraries.of(VALUES))
            .as(
                (name, env, code, label, value) -> {
                  List<String> ms = new ArrayList<>(env);
                  ms.addAll(code);
                  ms.add(label + "=" + FanSubquery.quoted(value));
                  java.util.Collections.shuffle(ms, new java.util.Random(value.hashCode()));
                  return name + "{" + String.join(", ", ms) + "}";
                });
    return one.list().ofMinSize(1).ofMaxSize(30).uniqueElements();
  }

  @Property
  void everySelectorIsReadOnceAndEachMergedSelectorMatchesExactlyItsMembers(
      @ForAll("selectors") List<String> selectors) {
    List<String> alone = new ArrayList<>();
    List<FanSubquery.Group<String>> groups =
        FanSubquery.plan(selectors, s -> s, s -> List.of(), s -> null, alone);
    List<String> seen = new ArrayList<>(alone);
    for (FanSubquery.Group<String> g : groups) {
      assertThat(g.members()).hasSizeGreaterThanOrEqualTo(2);
      seen.addAll(g.members().values());
      Selector merged = Selector.parse(g.selector());
      assertThat(merged).as(g.selector()).isNotNull();
      Selector.Matcher fan = null;
      Set<Selector.Matcher> others = new HashSet<>();
      for (Selector.Matcher m : merged.matchers()) {
        if (m.label().equals(g.label()) && m.op().equals("=~")) {
          fan = m;
        } else {
          others.add(m);
        }
      }
      assertThat(fan).isNotNull();
      Pattern p = Pattern.compile("^(?:" + fan.value() + ")$");
      for (String v : VALUES) {
        assertThat(p.matcher(v).matches()).as(v).isEqualTo(g.members().containsKey(v));
      }
      for (Map.Entry<String, String> m : g.members().entrySet()) {
        // the member is the merged selector with label="value" in place of the regex
        Selector member = Selector.parse(m.getValue());
        Set<Selector.Matcher> expected = new HashSet<>(others);
        expected.add(new Selector.Matcher(g.label(), "=", m.getKey()));
        assertThat(member.name()).isEqualTo(merged.name());
        assertThat(new HashSet<>(member.matchers())).isEqualTo(expected);
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(selectors);
  }
}
