package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstantSubqueryTest {
  private static TermCache.Term t(String selector) {
    return new TermCache.Term(selector, 3_600_000L, 7_200_000L);
  }

  @Test
  void shouldReadATotalAndItsEqualityPartsWithOneSumBy() {
    TermCache.Term total = t("http_requests_total{service=\"checkout\"}");
    TermCache.Term bad = t("http_requests_total{ service = \"checkout\", code=\"500\" }");
    TermCache.Term other = t("http_requests_total{service=\"cart\"}");
    List<InstantSubquery> subs = InstantSubquery.of(List.of(total, bad, other));
    assertThat(subs)
        .containsExactly(
            new InstantSubquery(total, "code", Map.of("500", bad)),
            new InstantSubquery(other, null, Map.of()));
    assertThat(subs.get(0).query(7_200_000L))
        .isEqualTo("sum by (code) (increase(http_requests_total{service=\"checkout\"}[3600s]))");
    assertThat(subs.get(1).query(10_800_000L))
        .isEqualTo("sum(increase(http_requests_total{service=\"cart\"}[3600s] offset 3600s))");
  }

  @Test
  void shouldQueryApartWhatOneSumByCannotAnswer() {
    TermCache.Term total = t("http_requests_total{service=\"checkout\"}");
    TermCache.Term regex = t("http_requests_total{service=\"checkout\",code=~\"5..\"}");
    TermCache.Term otherMetric = t("errors_total{service=\"checkout\"}");
    TermCache.Term otherWindow =
        new TermCache.Term("http_requests_total{service=\"checkout\",code=\"500\"}", 60_000L, 0L);
    assertThat(InstantSubquery.of(List.of(total, regex, otherMetric, otherWindow)))
        .extracting(InstantSubquery::byLabel)
        .containsOnlyNulls()
        .hasSize(4);
  }

  @Test
  void shouldParseOnlyPlainSelectors() {
    assertThat(Selector.parse("up")).isEqualTo(new Selector("up", List.of()));
    assertThat(Selector.parse("{__name__=\"up\",job=\"a\\\"b\"}").matchers())
        .containsExactly(
            new Selector.Matcher("__name__", "=", "up"), new Selector.Matcher("job", "=", "a\"b"));
    assertThat(Selector.parse("sum(up)")).isNull();
    assertThat(Selector.parse("up{job=\"a\"} offset 5m")).isNull();
    assertThat(Selector.parse("up{job='a'}")).isNull();
    assertThat(Selector.parse("{job=\"a\"}")).isNull();
  }
}
