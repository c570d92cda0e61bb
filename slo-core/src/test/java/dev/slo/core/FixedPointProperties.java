package dev.slo.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class FixedPointProperties {
  @Property(tries = 5000)
  void printsAsFormatterDoesForAnyDouble(@ForAll double v, @ForAll @IntRange(max = 8) int places) {
    assertThat(FixedPoint.format(v, places))
        .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
  }

  @Property(tries = 5000)
  void printsAsFormatterDoesForPercentagesAndBurnRates(
      @ForAll @DoubleRange(min = -1000, max = 1000) double v,
      @ForAll @IntRange(min = 1, max = 4) int places) {
    assertThat(FixedPoint.format(v, places))
        .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
  }

  @Property(tries = 2000)
  void roundsHalfwayDecimalsUpAsFormatterDoes(
      @ForAll @IntRange(min = -100000, max = 100000) int units,
      @ForAll @IntRange(max = 4) int places) {
    // values ending in 5 one digit past the last place: the rounding boundary itself
    double v = (units * 10 + 5) / Math.pow(10, places + 1);
    assertThat(FixedPoint.format(v, places))
        .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
  }

  @Example
  void keepsTheSignOfNegativeZeroAndPrintsNonFiniteValues() {
    for (double v :
        new double[] {
          -0.0,
          0.0,
          -0.00001,
          0.05,
          0.15,
          2.675,
          1e-7,
          1e21,
          Double.MIN_VALUE,
          Double.MAX_VALUE,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY
        }) {
      for (int places = 0; places <= 4; places++) {
        assertThat(FixedPoint.format(v, places))
            .as("%s with %d places", v, places)
            .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
      }
    }
  }

  @Property(tries = 2000)
  void trimmedDropsTrailingZerosOnly(
      @ForAll @DoubleRange(min = 0, max = 100) double v, @ForAll @IntRange(max = 4) int places) {
    String full = String.format(Locale.ROOT, "%." + places + "f", v);
    String expected = full.contains(".") ? full.replaceAll("0+$", "").replaceAll("\\.$", "") : full;
    assertThat(FixedPoint.trimmed(v, places)).isEqualTo(expected);
  }

  @Property(tries = 500)
  void padsAsFormatterDoes(@ForAll String text, @ForAll @IntRange(min = 1, max = 40) int width) {
    assertThat(FixedPoint.padRight(text, width))
        .isEqualTo(String.format(Locale.ROOT, "%-" + width + "s", text));
  }
}
