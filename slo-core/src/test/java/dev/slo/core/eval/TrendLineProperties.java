package dev.slo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.math3.stat.regression.SimpleRegression;

class TrendLineProperties {
  @Property(tries = 2000)
  void fitsTheSameLineAsCommonsMathToTheLastBit(
      @ForAll @Size(max = 60) List<@DoubleRange(min = -86_400, max = 86_400) Double> xs,
      @ForAll @DoubleRange(min = 0, max = 100) double y0,
      @ForAll @DoubleRange(min = -5, max = 5) double step) {
    TrendLine ours = new TrendLine();
    SimpleRegression reference = new SimpleRegression(true);
    double y = y0;
    for (double x : xs) {
      ours.add(x, y);
      reference.addData(x, y);
      y += step * (x % 7);
    }
    assertThat(Double.doubleToLongBits(ours.slope()))
        .isEqualTo(Double.doubleToLongBits(reference.getSlope()));
    assertThat(Double.doubleToLongBits(ours.intercept()))
        .isEqualTo(Double.doubleToLongBits(reference.getIntercept()));
  }

  @Property(tries = 500)
  void keepsPrecisionAtEpochSecondOffsets(
      @ForAll @DoubleRange(min = 1.6e9, max = 1.9e9) double start,
      @ForAll @DoubleRange(min = -1000, max = 1000) double microSlope,
      @ForAll @DoubleRange(min = 0, max = 1) double intercept) {
    double slope = microSlope * 1e-9;
    TrendLine line = new TrendLine();
    for (int i = 0; i < 25; i++) {
      double x = start + i * 3600.0;
      line.add(x, intercept + slope * (x - start));
    }
    assertThat(line.slope()).isCloseTo(slope, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Example
  void hasNoSlopeForOnePointOrOneX() {
    TrendLine one = new TrendLine();
    one.add(5, 1);
    assertThat(one.slope()).isNaN();
    assertThat(one.intercept()).isNaN();
    TrendLine vertical = new TrendLine();
    vertical.add(5, 1);
    vertical.add(5, 2);
    assertThat(vertical.slope()).isNaN();
    assertThat(new TrendLine().intercept()).isNaN();
  }
}
