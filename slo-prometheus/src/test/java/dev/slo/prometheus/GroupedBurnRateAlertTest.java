package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.alert.Severity;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.store.BurnRateAlertRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored burn-rate alert rules (REST) on one group of a grouped SLO. */
class GroupedBurnRateAlertTest {
  private static BurnRateAlertRule rule(String sloId) {
    return new BurnRateAlertRule(
        null, sloId, 14.4, Duration.ofHours(1), null, Severity.PAGE, null, true, null);
  }

  @Test
  void shouldNarrowACounterSliToTheGroup() {
    Slo pay =
        GroupedPrometheusIT.template(TimePeriod.ROLLING_30D).forGroup(Map.of("route", "/p\"ay"));
    assertThat(RuleGenerator.burnRateAlert(pay, rule(pay.baseId())))
        .isEqualTo(
            "((sum(increase(shop_requests_total{service=\"shop\",code=\"500\",route=\"/p\\\"ay\"}"
                + "[3600s])) or 0 * sum(increase(shop_requests_total{service=\"shop\","
                + "route=\"/p\\\"ay\"}[3600s]))) / sum(increase(shop_requests_total{service=\"shop\","
                + "route=\"/p\\\"ay\"}[3600s]))) >= 0.0144");
  }

  @Test
  void shouldAlertPerGroupOnTheGroupedSloAsWritten() {
    Slo shop = GroupedPrometheusIT.template(TimePeriod.ROLLING_30D);
    assertThat(RuleGenerator.burnRateAlert(shop, rule("shop")))
        .startsWith("((sum by (route) (increase(shop_requests_total{service=\"shop\",code=\"500\"}")
        .endsWith(
            " / sum by (route) (increase(shop_requests_total{service=\"shop\"}[3600s])))"
                + " >= 0.0144");
  }

  @Test
  void shouldReadTheGroupsSeriesOfTheGroupedRuleForAQuerySli() {
    Slo pay =
        GroupedPrometheusIT.template(TimePeriod.ROLLING_30D).toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    "sum by (route) (rate(err_total[{{window}}]))",
                    "sum by (route) (rate(all_total[{{window}}]))",
                    null))
            .build()
            .forGroup(Map.of("route", "/pay"));
    assertThat(RuleGenerator.burnRateAlert(pay, rule(pay.baseId())))
        .isEqualTo("(slo:sli_error:ratio_rate1h{slo_id=\"shop\", route=\"/pay\"}) >= 0.0144");
  }
}
