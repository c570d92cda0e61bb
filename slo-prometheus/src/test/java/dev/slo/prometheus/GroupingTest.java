package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupingTest {
  @Test
  void shouldNarrowASelectorToOneGroupWithEscapedValues() {
    Map<String, String> g = new LinkedHashMap<>();
    g.put("route", "/a\"b\\c");
    g.put("tenant", "");
    assertThat(Grouping.narrow("http_requests_total{code=\"500\"}", g))
        .isEqualTo("http_requests_total{code=\"500\",route=\"/a\\\"b\\\\c\",tenant=\"\"}");
    assertThat(Grouping.narrow("up", Map.of("job", "x"))).isEqualTo("up{job=\"x\"}");
    assertThat(Grouping.narrow("up{}", Map.of("job", "x"))).isEqualTo("up{job=\"x\"}");
    assertThat(Grouping.narrow("up{a=\"1\",}", Map.of("job", "x")))
        .isEqualTo("up{a=\"1\",job=\"x\"}");
    assertThat(Grouping.narrow("up{a=\"1\"}", Map.of())).isEqualTo("up{a=\"1\"}");
    // the narrowed selector still parses as the original plus the group's matchers
    Selector s = Selector.parse(Grouping.narrow("up{a=~\"1|2\"}", Map.of("job", "x\"y")));
    assertThat(s.matchers())
        .containsExactly(
            new Selector.Matcher("a", "=~", "1|2"), new Selector.Matcher("job", "=", "x\"y"));
  }

  @Test
  void shouldRefuseToNarrowAnExpressionNamingIt() {
    assertThatThrownBy(() -> Grouping.narrow("sum(rate(x[5m]))", Map.of("route", "/")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("\"sum(rate(x[5m]))\" is not a plain series selector");
  }

  @Test
  void shouldKeySeriesByTheLabelsInOrderWithMissingOnesEmpty() {
    Grouping g = new Grouping(List.of("route", "tenant"));
    assertThat(g.key(Map.of("tenant", "t1", "route", "/p", "code", "200")))
        .containsExactly("/p", "t1");
    assertThat(g.key(Map.of("route", "/p"))).containsExactly("/p", "");
    assertThat(g.sum("x")).isEqualTo("sum by (route, tenant) (x)");
    assertThat(g.on()).isEqualTo("on(route, tenant)");
    assertThat(Grouping.NONE.sum("x")).isEqualTo("sum(x)");
    assertThat(Grouping.NONE.on()).isEqualTo("on()");
  }
}
