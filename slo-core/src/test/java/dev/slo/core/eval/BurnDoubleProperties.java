package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.source.EventCounts;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The one-division burn rate double is bit for bit the 34-digit decimal's double. */
class BurnDoubleProperties {
  @Property(tries = 20_000)
  void burnDoubleEqualsTheDecimalsDouble(
      @ForAll @LongRange(min = 0, max = 1L << 40) long good,
      @ForAll @LongRange(min = 0, max = 1L << 40) long bad,
      @ForAll @IntRange(min = 1, max = 9_999_999) int target,
      @ForAll @IntRange(min = 0, max = 5) int decimals) {
    // targets like 99.9, 99.95, 95, 99.12345 (ratio = 1 - target / 100, exact)
    BigDecimal t = BigDecimal.valueOf(target % (int) Math.pow(10, 2 + decimals), decimals);
    BigDecimal ratio = BigDecimal.ONE.subtract(t.movePointLeft(2));
    if (ratio.signum() <= 0) {
      return;
    }
    Budget b = new Budget(ratio);
    EventCounts c = new EventCounts(good, good + bad);

    assertThat(b.burnDouble(c)).isEqualTo(Decimals.toDouble(b.burn(c)));
  }

  @Property(tries = 5_000)
  void burnDoubleEqualsTheDecimalsDoubleForSmallCounts(
      @ForAll @LongRange(min = 0, max = 2_000) long good,
      @ForAll @LongRange(min = 0, max = 2_000) long bad,
      @ForAll @IntRange(min = 1, max = 99_999) int thousandths) {
    BigDecimal ratio = BigDecimal.valueOf(100_000 - thousandths).movePointLeft(5);
    Budget b = new Budget(ratio);
    EventCounts c = new EventCounts(good, good + bad);

    assertThat(b.burnDouble(c)).isEqualTo(Decimals.toDouble(b.burn(c)));
  }
}
