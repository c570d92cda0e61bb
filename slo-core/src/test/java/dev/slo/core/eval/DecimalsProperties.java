package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DecimalsProperties {
  @Property(tries = 5000)
  void shouldConvertQuotientsExactlyLikeDoubleValue(
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long b) {
    BigDecimal q = BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), MathContext.DECIMAL128);
    assertThat(Decimals.toDouble(q)).isEqualTo(q.doubleValue());
  }

  @Property(tries = 2000)
  void shouldConvertBudgetRatiosExactly(
      @ForAll @LongRange(min = 0, max = 10_000_000) long bad,
      @ForAll @LongRange(min = 1, max = 10_000_000_000L) long total,
      @ForAll @LongRange(min = 1, max = 99_999) long targetThousandths) {
    BigDecimal ratio =
        BigDecimal.valueOf(100_000 - targetThousandths).movePointLeft(5); // (100 - t) / 100
    BigDecimal burn =
        BigDecimal.valueOf(bad)
            .divide(BigDecimal.valueOf(total).multiply(ratio), MathContext.DECIMAL128);
    assertThat(Decimals.toDouble(burn)).isEqualTo(burn.doubleValue());
  }
}
