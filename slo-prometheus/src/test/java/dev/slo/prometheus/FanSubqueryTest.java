package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FanSubqueryTest {
  private static TermCache.Term t(String selector, long end) {
    return new TermCache.Term(selector, 3_600_000L, end);
  }

  private static InstantSubquery sub(String selector, long end) {
    return new InstantSubquery(t(selector, end), null, Map.of());
  }

  @Test
  void shouldReadSloSelectorsThatDifferInOneValueWithOneSumBy() {
    InstantSubquery a = sub("http_requests_total{service=\"a\",env=\"prod\"}", 7_200_000L);
    InstantSubquery b = sub("http_requests_total{env=\"prod\", service=\"b\"}", 7_200_000L);
    InstantSubquery c = sub("http_requests_total{service=\"c\",env=\"prod\"}", 7_200_000L);
    List<Subquery> merged = FanSubquery.merge(List.of(a, b, c));
    assertThat(merged).hasSize(1);
    FanSubquery fan = (FanSubquery) merged.get(0);
    assertThat(fan.members()).containsOnlyKeys("a", "b", "c");
    assertThat(fan.query(10_800_000L))
        .isEqualTo(
            "sum by (service) (increase(http_requests_total{env=\"prod\",service=~\"a|b|c\"}"
                + "[3600s] offset 3600s))");
    assertThat(fan.cost()).isEqualTo(3 * 3_600_000L);
  }

  @Test
  void shouldKeepApartWhatDiffersInMoreThanOneValueOrWindow() {
    InstantSubquery a = sub("http_requests_total{service=\"a\",env=\"prod\"}", 7_200_000L);
    InstantSubquery otherEnv = sub("http_requests_total{service=\"b\",env=\"dev\"}", 7_200_000L);
    InstantSubquery otherEnd = sub("http_requests_total{service=\"c\",env=\"prod\"}", 3_600_000L);
    InstantSubquery regex = sub("http_requests_total{service=~\"d\",env=\"prod\"}", 7_200_000L);
    InstantSubquery otherName = sub("errors_total{service=\"e\",env=\"prod\"}", 7_200_000L);
    assertThat(FanSubquery.merge(List.of(a, otherEnv, otherEnd, regex, otherName)))
        .containsExactly(a, otherEnv, otherEnd, regex, otherName);
  }

  @Test
  void shouldKeepEachSubquerysGroupingLabelWhenMerging() {
    TermCache.Term totalA = t("req_total{service=\"a\"}", 0L);
    TermCache.Term badA = t("req_total{service=\"a\",code=\"500\"}", 0L);
    TermCache.Term totalB = t("req_total{service=\"b\"}", 0L);
    TermCache.Term badB = t("req_total{service=\"b\",code=\"500\"}", 0L);
    List<Subquery> merged =
        FanSubquery.merge(InstantSubquery.of(List.of(totalA, badA, totalB, badB)));
    assertThat(merged).hasSize(1);
    assertThat(merged.get(0).query(0L))
        .isEqualTo("sum by (service, code) (increase(req_total{service=~\"a|b\"}[3600s]))");
    // the reply's series go to their member; its parts by code
    TermCache cache = new TermCache();
    cache.scope(java.time.Instant.EPOCH);
    merged
        .get(0)
        .answer(
            List.of(
                series(Map.of("service", "a", "code", "200"), 10),
                series(Map.of("service", "a", "code", "500"), 2),
                series(Map.of("service", "b", "code", "200"), 7),
                series(Map.of("service", "x", "code", "500"), 99)), // no member: left out
            cache,
            s -> s.values()[0]);
    assertThat(cache.get(totalA)).isEqualTo(new TermCache.Answer(12.0));
    assertThat(cache.get(badA)).isEqualTo(new TermCache.Answer(2.0));
    assertThat(cache.get(totalB)).isEqualTo(new TermCache.Answer(7.0));
    assertThat(cache.get(badB)).isEqualTo(new TermCache.Answer(null)); // no series: none
  }

  private static QueryResult.Series series(Map<String, String> labels, double v) {
    return new QueryResult.Series(labels, new long[] {0L}, new double[] {v});
  }

  @Test
  void shouldMatchExactlyEachValueWhateverItsCharacters() {
    List<String> values = List.of("a.b", "a(b", "x|y", "c\\d", "q\"r", "[z]", "^$", "", "日本");
    List<InstantSubquery> subs = new ArrayList<>();
    for (String v : values) {
      subs.add(sub("m{l=" + FanSubquery.quoted(v) + "}", 0L));
    }
    List<Subquery> merged = FanSubquery.merge(subs);
    assertThat(merged).hasSize(1);
    String query = merged.get(0).query(0L);
    // the regex as Prometheus reads it (string unquoted, anchored) matches each value only
    String literal = query.substring(query.indexOf("l=~") + 3, query.lastIndexOf('}'));
    String regex = unquote(literal);
    Pattern p = Pattern.compile("^(?:" + regex + ")$");
    for (String v : values) {
      assertThat(p.matcher(v).matches()).as(v).isTrue();
    }
    for (String near : List.of("aXb", "ab", "x", "y", "c\\\\d", "z", "$")) {
      assertThat(p.matcher(near).matches()).as(near).isFalse();
    }
  }

  @Test
  void shouldCutLongValueListsIntoSeveralQueries() {
    List<InstantSubquery> subs = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      subs.add(sub("m{service=\"service-number-" + i + "\"}", 0L));
    }
    List<Subquery> merged = FanSubquery.merge(subs);
    assertThat(merged.size()).isBetween(2, 20);
    int members = 0;
    for (Subquery q : merged) {
      assertThat(q.query(0L).length()).isLessThan(CounterPushdown.MAX_QUERY_CHARS);
      members += ((FanSubquery) q).members().size();
    }
    assertThat(members).isEqualTo(2_000);
  }

  private static String unquote(String literal) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\') {
        i++;
        b.append(literal.charAt(i));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
