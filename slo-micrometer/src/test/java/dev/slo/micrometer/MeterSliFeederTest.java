package dev.slo.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.LatencySli;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.tracker.SloTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeterSliFeederTest {
  static final Instant T0 = Instant.parse("2026-11-10T08:00:00Z");

  static Slo slo(String id) {
    return Slo.builder()
        .sloName("test")
        .serviceName("svc")
        .sloType(SloType.AVAILABILITY)
        .sloId(id)
        .targetPercentage(99)
        .timePeriod(TimePeriod.ROLLING_24H)
        .build();
  }

  static void request(MeterRegistry registry, String uri, int status, Duration took) {
    Timer.builder("http.server.requests")
        .tags("uri", uri, "status", Integer.toString(status))
        .serviceLevelObjectives(Duration.ofMillis(300))
        .register(registry)
        .record(took);
  }

  @Test
  void goodRequestsAreThoseBelowStatus500() {
    TestClock clock = new TestClock(T0);
    SloTracker tracker = SloTracker.builder(clock).add(slo("avail")).add(slo("bad-view")).build();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MeterSliFeeder feeder =
        MeterSliFeeder.builder(registry, tracker)
            .add(
                "avail",
                MeterSli.goodOverTotal(
                    "http.server.requests{status!~\"5..\"}", "http.server.requests"))
            .add(
                "bad-view",
                MeterSli.badOverTotal(
                    "http.server.requests{status=~\"5..\"}", "http.server.requests"))
            .build();
    for (int i = 0; i < 97; i++) {
      request(registry, "/a", 200, Duration.ofMillis(5));
    }
    request(registry, "/a", 404, Duration.ofMillis(5));
    request(registry, "/a", 500, Duration.ofMillis(5));
    request(registry, "/b", 503, Duration.ofMillis(5));
    feeder.poll();
    clock.advance(Duration.ofMinutes(1));
    request(registry, "/a", 502, Duration.ofMillis(5));
    feeder.poll();
    feeder.poll(); // nothing new
    clock.advance(Duration.ofMinutes(1));
    assertThat(tracker.evaluate("avail").units()).isEqualTo(new EventCounts(98, 101));
    assertThat(tracker.evaluate("bad-view").units()).isEqualTo(new EventCounts(98, 101));
    assertThat(tracker.steps("avail")).hasSize(2);
  }

  @Test
  void latencyComesFromTheTimersHistogramBucketInBothRegistries() {
    for (MeterRegistry registry :
        new MeterRegistry[] {
          new SimpleMeterRegistry(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
        }) {
      TestClock clock = new TestClock(T0);
      SloTracker tracker = SloTracker.builder(clock).add(slo("lat")).build();
      MeterSliFeeder feeder =
          MeterSliFeeder.builder(registry, tracker)
              .add(
                  "lat",
                  MeterSli.latency("http.server.requests{uri=\"/a\"}", Duration.ofMillis(300)))
              .build();
      request(registry, "/a", 200, Duration.ofMillis(300));
      request(registry, "/a", 200, Duration.ofMillis(299));
      request(registry, "/a", 500, Duration.ofMillis(301));
      request(registry, "/b", 200, Duration.ofSeconds(3)); // another uri: not selected
      feeder.poll();
      assertThat(tracker.evaluate("lat").units())
          .as(registry.getClass().getSimpleName())
          .isEqualTo(new EventCounts(2, 3));
    }
  }

  @Test
  void aTimerWithoutTheThresholdBucketIsNamedInTheError() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SloTracker tracker = SloTracker.builder(new TestClock(T0)).add(slo("lat")).build();
    Timer.builder("rpc").register(registry).record(Duration.ofMillis(1));
    MeterSliFeeder feeder =
        MeterSliFeeder.builder(registry, tracker)
            .add("lat", MeterSli.latency("rpc", Duration.ofMillis(250)))
            .build();
    assertThatThrownBy(feeder::poll)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("PT0.25S is not a histogram bucket of timer rpc[]");
  }

  @Test
  void aSpecsLatencyHistogramReadsTheMicrometerTimer() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Slo spec =
        slo("spec-lat").toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new LatencySli("http_server_requests_seconds", 0.3, "{uri=\"/a\"}")))
            .build();
    Slo counters =
        slo("spec-avail").toBuilder()
            .sli(
                new SliDefinition(
                    null,
                    "http_server_requests_seconds_count{status=~\"5..\"}",
                    "http_server_requests_seconds_count",
                    null,
                    null,
                    null,
                    null))
            .build();
    TestClock clock = new TestClock(T0);
    SloTracker tracker = SloTracker.builder(clock).add(spec).add(counters).add(slo("own")).build();
    MeterSliFeeder feeder = MeterSliFeeder.builder(registry, tracker).addFromSpecs().build();
    request(registry, "/a", 200, Duration.ofMillis(100));
    request(registry, "/a", 500, Duration.ofMillis(900));
    feeder.poll();
    assertThat(tracker.evaluate("spec-lat").units()).isEqualTo(new EventCounts(1, 2));
    assertThat(tracker.evaluate("spec-avail").units()).isEqualTo(new EventCounts(1, 2));
    assertThat(tracker.evaluate("own").noData()).isTrue();
  }

  @Test
  void aMeterThatStartsAgainFromZeroCountsFromZero() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TestClock clock = new TestClock(T0);
    SloTracker tracker = SloTracker.builder(clock).add(slo("c")).build();
    MeterSliFeeder feeder =
        MeterSliFeeder.builder(registry, tracker)
            .add("c", MeterSli.goodOverTotal("jobs{outcome=\"ok\"}", "jobs"))
            .build();
    registry.counter("jobs", "outcome", "ok").increment(10);
    registry.counter("jobs", "outcome", "failed").increment(2);
    feeder.poll();
    registry.clear();
    registry.counter("jobs", "outcome", "ok").increment(3);
    feeder.poll();
    assertThat(tracker.evaluate("c").units()).isEqualTo(new EventCounts(13, 15));
  }
}
