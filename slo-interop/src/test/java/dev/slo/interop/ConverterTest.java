package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each target format cannot hold is one warning line per field. */
class ConverterTest {

  @Test
  void shouldWarnOncePerFieldSlothCannotHold() {
    SpecLoader.Result r = Fixtures.load("native/all-fields.yaml");

    Converter.Output out = Converter.convert(r.loaded(), Converter.Target.SLOTH);

    assertThat(out.warnings())
        .containsExactly(
            "web-availability: slo_id: approximated: Sloth names an SLO <service>-<name>: it reads back as web-web-availability",
            "web-availability: time_period: dropped: ROLLING_28D: Sloth's period is a generator setting (--default-slo-period or an AlertWindows file), not part of an SLO",
            "web-availability: slo_name: dropped: \"Web availability\": Sloth has no display name",
            "web-availability: status_thresholds: dropped: Sloth has no status thresholds",
            "web-availability: alert_tiers: dropped: Sloth alerts with its own page and ticket window pairs",
            "web-latency: slo_id: approximated: Sloth names an SLO <service>-<name>: it reads back as web-web-latency",
            "web-latency: time_period: dropped: CALENDAR_WEEK_SUNDAY: Sloth's period is a generator setting (--default-slo-period or an AlertWindows file), not part of an SLO",
            "web-latency: slo_name: dropped: \"Web latency\": Sloth has no display name",
            "web-latency: time_zone: dropped: America/New_York",
            "web-latency: slo_type: dropped: LATENCY",
            "jobs-ratio-slices: slo_id: approximated: Sloth names an SLO <service>-<name>: it reads back as jobs-jobs-ratio-slices",
            "jobs-ratio-slices: time_period: dropped: CALENDAR_YEAR: Sloth's period is a generator setting (--default-slo-period or an AlertWindows file), not part of an SLO",
            "jobs-ratio-slices: budgeting_method: dropped: RATIO_TIMESLICES: Sloth counts events only",
            "jobs-ratio-slices: slo_name: dropped: \"Jobs (ratio timeslices)\": Sloth has no display name",
            "jobs-ratio-slices: slo_type: dropped: CUSTOM",
            "jobs-ratio-slices: no_data: dropped: bad",
            "file-only: slo: dropped: no Prometheus SLI (file or database data), and a Sloth SLO needs queries; the SLO is left out");
    SpecLoader.Result back = SpecLoader.read(Map.of("sloth.yaml", out.text()));
    assertThat(back.problems().errors()).isEmpty();
    assertThat(back.slos())
        .extracting(Slo::sloId)
        .containsExactly("web-web-availability", "web-web-latency", "jobs-jobs-ratio-slices");
  }

  @Test
  void shouldKeepSlothsAlertingThroughSloth() {
    SpecLoader.Result r = Fixtures.load("sloth/events-alerting.yaml");

    Converter.Output out = Converter.convert(r.loaded(), Converter.Target.SLOTH);
    SpecLoader.Result back = SpecLoader.read(Map.of("again.yaml", out.text()));

    assertThat(out.warnings()).isEmpty();
    assertThat(back.slos()).isEqualTo(r.slos());
    assertThat(back.loaded())
        .extracting(Loaded::sloth)
        .isEqualTo(r.loaded().stream().map(Loaded::sloth).toList());
  }

  @Test
  void shouldRoundASliceLengthInSecondsUpToAMinuteForOpenSlo() {
    Slo s =
        Slo.builder()
            .sloType(dev.slo.core.model.SloType.AVAILABILITY)
            .sloName("S")
            .sloId("fast")
            .serviceName("svc")
            .targetPercentage(99)
            .timePeriod(TimePeriod.ROLLING_24H)
            .budgetingMethod(BudgetingMethod.TIMESLICES)
            .timesliceLength(Duration.ofSeconds(30))
            .timesliceTargetPercentage(90.0)
            .build();

    Converter.Output out =
        Converter.convert(List.of(new Loaded(s, Format.NATIVE, "x", 0)), Converter.Target.OPENSLO);

    assertThat(out.warnings())
        .containsExactly(
            "fast: timeslice_length: approximated: 30s written as 1m: OpenSLO durations have no seconds");
    Slo back = SpecLoader.read(Map.of("o.yaml", out.text())).slos().get(0);
    assertThat(back.timesliceLength()).isEqualTo(Duration.ofMinutes(1));
    assertThat(back.toBuilder().timesliceLength(Duration.ofSeconds(30)).build()).isEqualTo(s);
  }

  private static Slo grouped() {
    return Slo.builder()
        .sloType(dev.slo.core.model.SloType.AVAILABILITY)
        .sloName("Checkout")
        .sloId("checkout")
        .serviceName("shop")
        .targetPercentage(99.9)
        .timePeriod(TimePeriod.ROLLING_30D)
        .sli(
            new dev.slo.core.model.SliDefinition(
                null,
                "http_requests_total{code=~\"5..\"}",
                "http_requests_total",
                null,
                null,
                null,
                null))
        .groupBy(List.of("tenant", "route"))
        .maxGroups(200)
        .build();
  }

  @Test
  void shouldWarnNamingTheSloWhenOpenSloCannotHoldGroupByAndKeepItForSlo() {
    Converter.Output out =
        Converter.convert(
            List.of(new Loaded(grouped(), Format.NATIVE, "x", 0)), Converter.Target.OPENSLO);

    assertThat(out.warnings())
        .containsExactly(
            "checkout: group_by: approximated: [tenant, route]: OpenSLO has no per-label SLOs;"
                + " written as the slo.dev/group-by annotation, which only slo reads (other tools"
                + " evaluate one SLO over all groups together)");
    assertThat(out.text()).contains("slo.dev/group-by: \"tenant,route\"");
    Slo back = SpecLoader.read(Map.of("o.yaml", out.text())).slos().get(0);
    assertThat(back).isEqualTo(grouped());
  }

  @Test
  void shouldWarnNamingTheSloWhenSlothCannotHoldGroupBy() {
    Converter.Output out =
        Converter.convert(
            List.of(new Loaded(grouped(), Format.NATIVE, "x", 0)), Converter.Target.SLOTH);

    assertThat(out.warnings())
        .contains(
            "checkout: group_by: dropped: [tenant, route]: Sloth has no per-label SLOs; it"
                + " evaluates one SLO over all groups together");
    Slo back = SpecLoader.read(Map.of("s.yaml", out.text())).slos().get(0);
    assertThat(back.groupBy()).isEmpty();
  }

  @Test
  void shouldKeepGroupByAndMaxGroupsThroughNativeWithoutWarning() {
    Converter.Output out =
        Converter.convert(
            List.of(new Loaded(grouped(), Format.NATIVE, "x", 0)), Converter.Target.NATIVE);

    assertThat(out.warnings()).isEmpty();
    assertThat(SpecLoader.read(Map.of("n.yaml", out.text())).slos()).containsExactly(grouped());
  }

  @Test
  void shouldReadPyrraGroupingAsGroupByAndWarnWhenWritingItToSloth() {
    SpecLoader.Result r = Fixtures.load("pyrra/ratio-grouping.yaml");

    Converter.Output out = Converter.convert(r.loaded(), Converter.Target.SLOTH);

    assertThat(r.slos().get(0).groupBy()).containsExactly("route");
    assertThat(out.warnings()).anySatisfy(w -> assertThat(w).startsWith("api-errors: group_by:"));
  }
}
