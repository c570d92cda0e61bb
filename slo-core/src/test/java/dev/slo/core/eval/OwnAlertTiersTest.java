package dev.slo.core.eval;

import static dev.slo.core.eval.Data.T;
import static dev.slo.core.eval.Data.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.alert.Severity;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecParser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** An SLO's own alert_tiers replace the default ones, in the spec and in evaluation. */
class OwnAlertTiersTest {
  private static final String SPEC =
      """
      slos:
        - slo_id: a
          slo_name: A
          service_name: s
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: 7d
          alert_tiers:
            - name: fast
              severity: page
              burn_rate: 10
              long_window: 1h
              short_window: 5m
            - name: slow
              severity: ticket
              burn_rate: 2
              long_window: 6h
      """;

  @Test
  void shouldReadTiersWithTheirBudgetShare() {
    Slo s = SpecParser.parse("s.yaml", SPEC).slos().get(0);

    assertThat(s.alertTiers()).extracting(t -> t.name()).containsExactly("fast", "slow");
    assertThat(s.alertTiers().get(1).shortWindow()).isEqualTo(Duration.ofHours(6));
    // 10 x 1h / 168h of budget: 5.952...%
    assertThat(s.alertTiers().get(0).budgetShare())
        .isEqualByComparingTo(
            BigDecimal.TEN.divide(BigDecimal.valueOf(168), java.math.MathContext.DECIMAL64));
  }

  @Test
  void shouldFireOnlyTheOwnTiersWhoseWindowsBurnAtTheirRate() {
    Slo s = SpecParser.parse("s.yaml", SPEC).slos().get(0);
    // 1% budget; each minute of the last 6h: 100 events. Last hour: 10 bad a minute (10x);
    // the 5 hours before: 1 bad a minute (1x). 6h burn = (600 + 300) / 36000 / 0.01 = 2.5x.
    Data d = series();
    for (int m = 0; m < 360; m++) {
      Instant t = T.minus(Duration.ofMinutes(m));
      long bad = m < 60 ? 10 : 1;
      d.row(t, 100 - bad, 100);
    }

    Evaluation e = Data.eval(s, d, T);

    assertThat(e.tiers()).extracting(t -> t.name()).containsExactly("fast", "slow");
    assertThat(e.alerts()).extracting(a -> a.tier().name()).containsExactly("fast", "slow");
    assertThat(e.alerts().get(0).tier().severity()).isEqualTo(Severity.PAGE);
    assertThat(e.alerts().get(1).burnRateLong()).isEqualTo(2.5);
  }

  @Test
  void shouldRefuseABadSeverityAndAShortWindowLongerThanTheLongOne() {
    String bad =
        SPEC.replace("severity: ticket", "severity: email")
            .replace("short_window: 5m", "short_window: 2h");
    SpecException e =
        Assertions.catchThrowableOfType(SpecException.class, () -> SpecParser.parse("s.yaml", bad));

    assertThat(e.problems())
        .extracting(Object::toString)
        .containsExactly(
            "s.yaml:13: slos[0].alert_tiers[0].short_window: 2h is not a valid short_window: it is"
                + " longer than long_window 1h",
            "s.yaml:15: slos[0].alert_tiers[1].severity: \"email\" is not a valid severity; use page"
                + " or ticket");
  }
}
