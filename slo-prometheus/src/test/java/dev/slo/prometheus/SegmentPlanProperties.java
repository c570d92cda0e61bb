package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SegmentPlanProperties {
  static final long AT = 1_700_000_000_000L;
  static final String SEL = "x_total{a=\"b\"}";

  @Property
  void segmentsTileEachWindowExactlyWithoutGapsOrOverlap(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 131_040) Integer> minutes,
      @ForAll @IntRange(min = 0, max = 3) int otherEnds) {
    Set<TermCache.Term> wanted = new LinkedHashSet<>();
    for (int m : minutes) {
      wanted.add(new TermCache.Term(SEL, m * 60_000L, AT));
      wanted.add(new TermCache.Term(SEL, m * 60_000L, AT - otherEnds * 3_600_000L));
    }
    Map<TermCache.Term, SegmentPlan.Sum> plan = SegmentPlan.plan(AT, wanted);
    for (Map.Entry<TermCache.Term, SegmentPlan.Sum> e : plan.entrySet()) {
      TermCache.Term w = e.getKey();
      assertThat(wanted).contains(w);
      assertThat(w.endMs()).isEqualTo(AT);
      long end = AT;
      for (TermCache.Term s : e.getValue().segments()) {
        assertThat(s.selector()).isEqualTo(SEL);
        assertThat(s.endMs()).as("segments are contiguous, newest first").isEqualTo(end);
        assertThat(s.lengthMs()).isGreaterThanOrEqualTo(SegmentPlan.MIN_SEGMENT_MS);
        assertThat(s.lengthMs()).isLessThanOrEqualTo(SegmentPlan.MAX_PIECE_MS);
        end -= s.lengthMs();
      }
      assertThat(end).as("the segments reach the window's start").isEqualTo(AT - w.lengthMs());
    }
  }

  @Test
  void thirtyDaysAndTheElapsedMonthShareOneReadOfTheSamples() {
    long day = 86_400_000L;
    long month = 29 * day + 20 * SegmentPlan.HOUR;
    Set<TermCache.Term> wanted =
        new LinkedHashSet<>(
            List.of(
                new TermCache.Term(SEL, 30 * day, AT),
                new TermCache.Term(SEL, month, AT),
                new TermCache.Term(SEL, 3 * day, AT),
                new TermCache.Term(SEL, 300_000L, AT)));
    Map<TermCache.Term, SegmentPlan.Sum> plan = SegmentPlan.plan(AT, wanted);
    Set<TermCache.Term> read = new LinkedHashSet<>();
    plan.values().forEach(s -> read.addAll(s.segments()));
    long samples = read.stream().mapToLong(TermCache.Term::lengthMs).sum();
    assertThat(samples).isEqualTo(30 * day);
    assertThat(plan).containsKeys(new TermCache.Term(SEL, 30 * day, AT));
    assertThat(plan).containsKeys(new TermCache.Term(SEL, month, AT));
    assertThat(plan).doesNotContainKey(new TermCache.Term(SEL, 300_000L, AT));
  }

  @Test
  void aWindowIsTheSumOfItsSegmentsAndUnknownWhenNoSegmentHasASeries() {
    TermCache.Term a = new TermCache.Term(SEL, 3_600_000L, AT);
    TermCache.Term b = new TermCache.Term(SEL, 3_600_000L, AT - 3_600_000L);
    SegmentPlan.Sum sum =
        new SegmentPlan.Sum(new TermCache.Term(SEL, 7_200_000L, AT), List.of(a, b));
    assertThat(sum.value(t -> new TermCache.Answer(t.equals(a) ? 2.0 : 5.0))).isEqualTo(7.0);
    assertThat(sum.value(t -> new TermCache.Answer(t.equals(a) ? null : 5.0))).isEqualTo(5.0);
    assertThat(sum.value(t -> new TermCache.Answer(null))).isNull();
  }
}
