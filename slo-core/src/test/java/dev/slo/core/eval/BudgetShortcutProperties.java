package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.source.EventCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The budget's shortcuts decide exactly what the 34-digit decimals decide: whether a burn rate
 * reaches a tier's factor (also when it lands on the factor, or one event short of it), and the
 * SLI's double in percent.
 */
class BudgetShortcutProperties {
  private static final String[] FACTORS = {"14.4", "6", "3", "1", "1E+1", "0.5", "2.88", "36"};

  private static BigDecimal ratio(int target, int decimals) {
    BigDecimal t = BigDecimal.valueOf(target % (int) Math.pow(10, 2 + decimals), decimals);
    return BigDecimal.ONE.subtract(t.movePointLeft(2));
  }

  @Property(tries = 20_000)
  void reachesDecidesLikeTheDecimalBurnRate(
      @ForAll @LongRange(min = 0, max = 1L << 40) long good,
      @ForAll @LongRange(min = 0, max = 1L << 40) long bad,
      @ForAll @IntRange(min = 1, max = 9_999_999) int target,
      @ForAll @IntRange(min = 0, max = 5) int decimals,
      @ForAll @IntRange(min = 0, max = 7) int factor) {
    BigDecimal ratio = ratio(target, decimals);
    if (ratio.signum() <= 0) {
      return;
    }
    Budget b = new Budget(ratio);
    BigDecimal f = new BigDecimal(FACTORS[factor]);
    EventCounts c = new EventCounts(good, good + bad);

    assertThat(b.reaches(c, f)).isEqualTo(b.burn(c).compareTo(f) >= 0);
  }

  @Property(tries = 20_000)
  void reachesDecidesLikeTheDecimalBurnRateAtTheFactor(
      @ForAll @LongRange(min = 1, max = 1L << 30) long total,
      @ForAll @IntRange(min = 1, max = 99_999) int thousandths,
      @ForAll @IntRange(min = 0, max = 7) int factor,
      @ForAll @IntRange(min = -2, max = 2) int nudge) {
    // bad chosen so the burn rate lands on the factor or within a couple of events of it
    BigDecimal ratio = BigDecimal.valueOf(100_000 - thousandths).movePointLeft(5);
    Budget b = new Budget(ratio);
    BigDecimal f = new BigDecimal(FACTORS[factor]);
    long atFactor =
        f.multiply(ratio)
            .multiply(BigDecimal.valueOf(total))
            .setScale(0, RoundingMode.CEILING)
            .longValueExact();
    long bad = Math.max(0, Math.min(total, atFactor + nudge));
    EventCounts c = new EventCounts(total - bad, total);

    assertThat(b.reaches(c, f)).isEqualTo(b.burn(c).compareTo(f) >= 0);
  }

  @Example
  void reachesFallsBackBeyondTheShortcut() {
    Budget b = new Budget(new BigDecimal("0.001"));
    BigDecimal f = new BigDecimal("14.4");
    long total = 1L << 60; // past 2^53: the decimal path decides
    long bad =
        f.multiply(new BigDecimal("0.001"))
            .multiply(BigDecimal.valueOf(total))
            .setScale(0, RoundingMode.CEILING)
            .longValueExact();

    assertThat(b.reaches(new EventCounts(total - bad, total), f)).isTrue();
    assertThat(b.reaches(new EventCounts(total - bad + 1, total), f)).isFalse();
    assertThat(b.reaches(EventCounts.ZERO, f)).isFalse();
  }

  @Property(tries = 20_000)
  void sliPercentIsTheDecimalsDouble(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long good,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long bad,
      @ForAll @IntRange(min = 0, max = 3) int magnitude) {
    long cap = new long[] {1_000L, 1L << 40, 1L << 53, Long.MAX_VALUE / 2}[magnitude];
    long g = good % cap;
    long t = g + bad % cap;
    EventCounts c = new EventCounts(g, t);
    BigDecimal sli = Budget.sli(c);

    assertThat(Budget.sliPercent(c))
        .isEqualTo(sli == null ? null : Decimals.toDouble(sli.movePointRight(2)));
  }
}
