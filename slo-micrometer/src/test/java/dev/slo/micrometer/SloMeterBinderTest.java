package dev.slo.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.tracker.SloRecorder;
import dev.slo.core.tracker.SloTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloMeterBinderTest {
  static final Instant T0 = Instant.parse("2026-11-10T08:00:00Z");

  static SloTracker tracker(TestClock clock) {
    return SloTracker.builder(clock)
        .add(
            Slo.builder()
                .sloName("test")
                .serviceName("svc")
                .sloType(SloType.AVAILABILITY)
                .sloId("checkout-availability")
                .serviceName("checkout")
                .targetPercentage(99.9)
                .timePeriod(TimePeriod.ROLLING_30D)
                .build())
        .add(
            Slo.builder()
                .sloName("test")
                .serviceName("svc")
                .sloType(SloType.AVAILABILITY)
                .sloId("idle")
                .serviceName("batch")
                .targetPercentage(99)
                .timePeriod(TimePeriod.CALENDAR_MONTH)
                .build())
        .build();
  }

  @Test
  void gaugesFollowTheTrackerAndShowThePageTierFiring() {
    TestClock clock = new TestClock(T0);
    SloTracker tracker = tracker(clock);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SloMeterBinder.of(tracker, Duration.ofSeconds(10)).bindTo(registry);
    SloRecorder r = tracker.recorder("checkout-availability");
    for (int i = 0; i < 2000; i++) {
      r.recordGood();
    }
    clock.advance(Duration.ofMinutes(2));
    assertThat(gauge(registry, "slo.status", "checkout-availability")).isZero();
    assertThat(gauge(registry, "slo.sli.ratio", "checkout-availability")).isEqualTo(1.0);
    assertThat(gauge(registry, "slo.target.ratio", "checkout-availability")).isEqualTo(0.999);
    assertThat(firing(registry, "page_1h_5m")).isZero();
    assertThat(gauge(registry, "slo.sli.ratio", "idle")).isNaN();

    for (int i = 0; i < 50; i++) {
      r.recordBad();
    }
    // cached for the refresh interval, then evaluated again
    assertThat(firing(registry, "page_1h_5m")).isZero();
    clock.advance(Duration.ofSeconds(10));
    assertThat(firing(registry, "page_1h_5m")).isEqualTo(1.0);
    assertThat(firing(registry, "page_6h_30m")).isEqualTo(1.0);
    assertThat(gauge(registry, "slo.status", "checkout-availability")).isEqualTo(3.0);
    double burn1h =
        registry
            .get("slo.burn.rate")
            .tags("slo_id", "checkout-availability", "window", "1h")
            .gauge()
            .value();
    assertThat(burn1h).isEqualTo(50.0 / 2050 / 0.001, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(gauge(registry, "slo.error.budget.remaining.ratio", "checkout-availability"))
        .isEqualTo(1 - 50.0 / 2050 / 0.001, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(
            registry.find("slo.burn.rate").tags("slo_id", "idle").gauges().stream()
                .map(g -> g.getId().getTag("window"))
                .toList())
        .containsExactlyInAnyOrder("5m", "30m", "1h", "2h", "6h", "1d", "3d", "period");
  }

  @Test
  void prometheusScrapeCarriesStableNamesAndTags() {
    TestClock clock = new TestClock(T0);
    SloTracker tracker = tracker(clock);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SloMeterBinder.of(tracker, Duration.ZERO).bindTo(registry);
    tracker.recorder("checkout-availability").record(90, 100);
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains(
            "slo_alert_firing{service=\"checkout\",slo_id=\"checkout-availability\","
                + "tier=\"page_1h_5m\"} 1")
        .contains("slo_status{service=\"checkout\",slo_id=\"checkout-availability\"} 3")
        .contains("slo_sli_ratio{service=\"checkout\",slo_id=\"checkout-availability\"} 0.9")
        .contains(
            "slo_burn_rate{service=\"checkout\",slo_id=\"checkout-availability\",window=\"5m\"}"
                + " 100")
        .contains("slo_error_budget_remaining_ratio{service=\"batch\",slo_id=\"idle\"} 1")
        .contains("slo_target_ratio{service=\"batch\",slo_id=\"idle\"} 0.99");
    for (String tier : List.of("page_1h_5m", "page_6h_30m", "ticket_1d_2h", "ticket_3d_6h")) {
      assertThat(scrape).contains("tier=\"" + tier + "\"");
    }
  }

  static double gauge(SimpleMeterRegistry registry, String name, String sloId) {
    return registry.get(name).tags("slo_id", sloId).gauge().value();
  }

  static double firing(SimpleMeterRegistry registry, String tier) {
    return registry
        .get("slo.alert.firing")
        .tags("slo_id", "checkout-availability", "tier", tier)
        .gauge()
        .value();
  }
}
