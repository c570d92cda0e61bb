package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.spec.SpecProblem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fixture read into the model, field by field. */
class ReadFormatsTest {

  private static Slo only(SpecLoader.Result r) {
    assertThat(r.problems().errors()).isEmpty();
    assertThat(r.slos()).hasSize(1);
    return r.slos().get(0);
  }

  private static List<String> warnings(SpecLoader.Result r) {
    return r.problems().warnings().stream().map(SpecProblem::toString).toList();
  }

  @Test
  void shouldReadAnOpenSloGoodTotalCounterRatioAsCounters() {
    Slo s = only(Fixtures.load("openslo-v1/ratio-good-total-counter.yaml"));

    assertThat(s.sloId()).isEqualTo("checkout-availability");
    assertThat(s.sloName()).isEqualTo("Checkout availability");
    assertThat(s.serviceName()).isEqualTo("checkout");
    assertThat(s.description()).isEqualTo("Share of checkout requests that do not fail");
    assertThat(s.targetPercentage()).isEqualTo(99.9);
    assertThat(s.timePeriod()).isEqualTo(TimePeriod.valueOf("28d"));
    assertThat(s.budgetingMethod()).isEqualTo(BudgetingMethod.OCCURRENCES);
    assertThat(s.sli().goodCounter())
        .isEqualTo("http_requests_total{service=\"checkout\",code!~\"5..\"}");
    assertThat(s.sli().totalCounter()).isEqualTo("http_requests_total{service=\"checkout\"}");
  }

  @Test
  void shouldReadBadTotalWithTargetPercentOverTwoWeeks() {
    Slo s = only(Fixtures.load("openslo-v1/ratio-bad-total-percent.yaml"));

    assertThat(s.targetPercentage()).isEqualTo(99.5);
    assertThat(s.timePeriod().name()).isEqualTo("ROLLING_14D");
    assertThat(s.sli().badCounter())
        .isEqualTo("http_requests_total{service=\"search\",code=~\"5..\"}");
  }

  @Test
  void shouldReadARawFailureRatioAsOneMinusItsAverage() {
    Slo s = only(Fixtures.load("openslo-v1/raw-failure-ratio.yaml"));

    assertThat(s.sliQuery()).isEqualTo("1 - (avg_over_time(job:queue_failures:ratio[{{window}}]))");
    assertThat(s.timePeriod()).isEqualTo(TimePeriod.ROLLING_7D);
  }

  @Test
  void shouldReadAThresholdMetricAsTheShareOfMinutesMeetingItAndSaySo() {
    SpecLoader.Result r = Fixtures.load("openslo-v1/threshold-latency.yaml");
    Slo s = only(r);

    assertThat(s.sliQuery())
        .startsWith("avg_over_time(((histogram_quantile(0.99")
        .endsWith(") <= bool 0.3)[{{window}}:1m])");
    assertThat(warnings(r))
        .singleElement()
        .asString()
        .contains("spec.indicator.spec.thresholdMetric.metricSource.spec.query: approximated");
  }

  @Test
  void shouldReadACalendarMonthInItsZoneWithTimeslices() {
    Slo s = only(Fixtures.load("openslo-v1/calendar-month-timeslices.yaml"));

    assertThat(s.timePeriod()).isEqualTo(TimePeriod.CALENDAR_MONTH);
    assertThat(s.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(s.budgetingMethod()).isEqualTo(BudgetingMethod.TIMESLICES);
    assertThat(s.timesliceLength()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.timesliceTargetPercentage()).isEqualTo(95.0);
  }

  @Test
  void shouldStartACalendarWeekOnTheDayOfItsStartTime() {
    Slo s = only(Fixtures.load("openslo-v1/calendar-week-sunday-ratio-timeslices.yaml"));

    assertThat(s.timePeriod().weekStart()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(s.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(s.budgetingMethod()).isEqualTo(BudgetingMethod.RATIO_TIMESLICES);
    assertThat(s.timesliceLength()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldReadSeveralDocumentsAndResolveAnSliByReference() {
    SpecLoader.Result r = Fixtures.load("openslo-v1/calendar-quarter-and-year.yaml");

    assertThat(r.problems().errors()).isEmpty();
    assertThat(r.slos()).extracting(Slo::sloId).containsExactly("billing-quarter", "billing-year");
    assertThat(r.slos())
        .extracting(Slo::timePeriod)
        .containsExactly(TimePeriod.CALENDAR_QUARTER, TimePeriod.CALENDAR_YEAR);
    assertThat(r.slos().get(1).sli().totalCounter()).isEqualTo("billing_requests_total");
  }

  @Test
  void shouldMakeOneSloPerObjectiveWithPredictableIds() {
    SpecLoader.Result r = Fixtures.load("openslo-v1/several-objectives.yaml");

    assertThat(r.slos()).extracting(Slo::sloId).containsExactly("cart.0", "cart.1");
    assertThat(r.slos())
        .extracting(Slo::sloName)
        .containsExactly("Cart / Strict", "Cart / Relaxed");
    assertThat(r.slos()).extracting(Slo::targetPercentage).containsExactly(99.9, 99.0);
  }

  @Test
  void shouldKeepANonPrometheusSourceAndReportIt() {
    SpecLoader.Result r = Fixtures.load("openslo-v1/non-prometheus-source.yaml");
    Slo s = only(r);

    assertThat(s.sli().isEmpty()).isTrue();
    assertThat(warnings(r)).singleElement().asString().contains("no source for type Datadog");
  }

  @Test
  void shouldReadAYamlListOfObjectsAndAGaugeRatio() {
    Slo s = only(Fixtures.load("openslo-v1/list-of-objects.yaml"));

    assertThat(s.serviceName()).isEqualTo("probes");
    assertThat(s.timePeriod()).isEqualTo(TimePeriod.valueOf("12h"));
    assertThat(s.sliQuery())
        .isEqualTo(
            "(sum(sum_over_time(probe_success{job=\"blackbox\"}[{{window}}]))) / (sum(sum_over_time(probe_attempts{job=\"blackbox\"}[{{window}}])))");
  }

  @Test
  void shouldResolveReferencesAcrossFilesInADirectory() {
    SpecLoader.Result r = SpecLoader.load(List.of(Fixtures.dir("openslo-refs")));
    Slo s = only(r);

    assertThat(s.sli().badCounter()).isEqualTo("payments_total{outcome=\"error\"}");
    assertThat(s.targetPercentage()).isEqualTo(99.95);
    // the referenced AlertPolicy's condition is the SLO's alert tier: 14.4 over 1h, paging
    assertThat(s.alertTiers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("fast-burn");
              assertThat(t.severity()).isEqualTo(dev.slo.core.alert.Severity.PAGE);
              assertThat(t.longWindow()).isEqualTo(Duration.ofHours(1));
              assertThat(t.shortWindow()).isEqualTo(Duration.ofHours(1));
              assertThat(t.factor()).isEqualByComparingTo("14.4");
              assertThat(t.budgetShare()).isEqualByComparingTo("0.02");
            });
    assertThat(warnings(r))
        .singleElement()
        .asString()
        .contains("spec.condition.alertAfter: dropped: 5m");
  }

  @Test
  void shouldReadOpenSloV1alphaAsSlothDoes() {
    Slo s = only(Fixtures.load("openslo-v1alpha/sloth-style.yaml"));

    assertThat(s.sloId()).isEqualTo("myservice-requests");
    assertThat(s.timePeriod()).isEqualTo(TimePeriod.valueOf("28d"));
    assertThat(s.targetPercentage()).isEqualTo(99.9);
    assertThat(s.sliQuery())
        .startsWith(
            "(sum(rate(http_request_duration_seconds_count{job=\"myservice\",code!~\"(5..|429)\"}[{{window}}]))) / (");
  }

  @Test
  void shouldReadV2alphaAndSayCompositesAreNotEvaluated() {
    SpecLoader.Result r =
        Fixtures.load("openslo-v2alpha/ratio.yaml", "openslo-v2alpha/composite.yaml");

    assertThat(r.problems().errors()).isEmpty();
    assertThat(r.slos()).extracting(Slo::sloId).containsExactly("orders-availability");
    assertThat(r.slos().get(0).sli().goodCounter()).isEqualTo("orders_total{code=\"200\"}");
    assertThat(warnings(r))
        .singleElement()
        .asString()
        .contains("composite SLO")
        .contains("not evaluated yet");
  }

  @Test
  void shouldReadSlothEventsRawAndAlerting() {
    SpecLoader.Result r = Fixtures.load("sloth/events-alerting.yaml");

    assertThat(r.problems().errors()).isEmpty();
    assertThat(r.slos())
        .extracting(Slo::sloId)
        .containsExactly("myservice-requests-availability", "myservice-requests-ratio");
    Slo events = r.slos().get(0);
    assertThat(events.timePeriod()).isEqualTo(TimePeriod.ROLLING_30D);
    assertThat(events.sliQuery())
        .startsWith(
            "1 - ((sum(rate(http_request_duration_seconds_count{job=\"myservice\",code=~\"(5..|429)\"}[{{window}}]))) / (");
    SlothAlerting a = r.loaded().get(0).sloth();
    assertThat(a.alertName()).isEqualTo("MyServiceHighErrorRate");
    assertThat(a.labels())
        .containsEntry("owner", "myteam")
        .containsEntry("category", "availability");
    assertThat(a.pageLabels()).containsEntry("severity", "pageteam");
    assertThat(a.ticketLabels()).containsEntry("slack_channel", "#alerts-myteam");
    assertThat(r.loaded().get(1).sloth().pageDisabled()).isTrue();
    assertThat(r.slos().get(1).sliQuery()).startsWith("1 - (sum(rate(");
  }

  @Test
  void shouldReadSlothKubernetesWithTheFilesAlertWindowsPeriod() {
    SpecLoader.Result r = Fixtures.load("sloth/k8s-with-windows.yaml");
    Slo s = only(r);

    assertThat(s.sloId()).isEqualTo("home-wifi-good-wifi-client-satisfaction");
    assertThat(s.timePeriod()).isEqualTo(TimePeriod.valueOf("28d"));
    assertThat(s.targetPercentage()).isEqualTo(95.0);
    assertThat(r.loaded().get(0).sloth().pageLabels()).containsEntry("severity", "home");
    assertThat(r.loaded().get(0).sloth().windows())
        .extracting(
            w ->
                w.severity()
                    + " "
                    + w.errorBudgetPercent()
                    + "% "
                    + w.shortWindow()
                    + "/"
                    + w.longWindow())
        .containsExactly(
            "PAGE 2% PT5M/PT1H",
            "PAGE 5% PT30M/PT6H", "TICKET 10% PT2H/PT24H", "TICKET 10% PT6H/PT72H");
  }

  @Test
  void shouldKeepASlothPluginSloWithoutAnSliAndSaySo() {
    SpecLoader.Result r = Fixtures.load("sloth/plugin.yaml");
    Slo s = only(r);

    assertThat(s.sloId()).isEqualTo("k8s-apiserver-requests-availability");
    assertThat(s.sliQuery()).isEmpty();
    assertThat(warnings(r))
        .singleElement()
        .asString()
        .endsWith(
            "plugin.yaml:9: slos[0].sli.plugin.id: plugin"
                + " sloth-common/kubernetes/apiserver/availability not supported: slo cannot run"
                + " Sloth SLI plugins, so this SLO has no Prometheus SLI (file or database data"
                + " only); write its queries under sli.events");
  }

  @Test
  void shouldReadPyrraRatioLatencyNativeAndBoolGauge() {
    SpecLoader.Result r = SpecLoader.load(List.of(Fixtures.dir("pyrra")));

    assertThat(r.problems().errors()).isEmpty();
    // files in name order: bool-gauge, latency-native, latency, ratio-grouping
    assertThat(r.slos())
        .extracting(Slo::sloId)
        .containsExactly("probe", "connect-latency", "api-latency", "api-errors");
    Slo ratio = r.slos().get(3);
    assertThat(ratio.serviceName()).isEqualTo("monitoring");
    assertThat(ratio.targetPercentage()).isEqualTo(99.5);
    assertThat(ratio.timePeriod()).isEqualTo(TimePeriod.valueOf("2w"));
    assertThat(ratio.sli().badCounter())
        .isEqualTo("http_requests_total{job=\"api\",code=~\"5..\"}");
    Slo latency = r.slos().get(2);
    assertThat(latency.sloType()).isEqualTo(SloType.LATENCY);
    assertThat(latency.sli().goodCounter())
        .isEqualTo("http_request_duration_seconds_bucket{job=\"api\",le=\"0.25\"}");
    assertThat(r.slos().get(0).sliQuery())
        .contains("sum_over_time(probe_success{job=\"blackbox\"}[{{window}}])");
    assertThat(r.slos().get(1).sli().goodQuery())
        .startsWith("histogram_fraction(0, 1, sum(increase(connect_server");
    assertThat(ratio.groupBy()).containsExactly("route");
    assertThat(r.slos().get(0).groupBy()).isEmpty();
    assertThat(warnings(r)).noneSatisfy(w -> assertThat(w).contains(".grouping:"));
  }
}
