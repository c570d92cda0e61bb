package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.tracker.SloTracker;
import dev.slo.report.status.Format;
import dev.slo.report.status.Renderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-process tracker fed the events of a data file prints, through the same renderer, exactly
 * what {@code slo eval --data} prints for that file: rolling and calendar periods, occurrences and
 * timeslices.
 */
class TrackerEvalEquivalenceTest {
  static final String SPEC =
      """
      slos:
        - slo_id: api
          slo_name: API
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
        - slo_id: month
          slo_name: Monthly
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.5
          time_period: CALENDAR_MONTH
          time_zone: Europe/Berlin
        - slo_id: slices
          slo_name: Slices
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
          budgeting_method: TIMESLICES
          timeslice_length: 10m
          timeslice_target_percentage: 95
          no_data: bad
      """;

  @TempDir Path dir;

  /** A clock the test moves; the tracker reads it, nothing else does. */
  static final class Hand extends Clock {
    long millis;

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void trackerPrintsWhatSloEvalPrintsForTheSameEvents() {
    Path spec = Fixtures.write(dir, "slos.yaml", SPEC);
    List<Slo> slos = SpecParser.parse(spec.toString(), SPEC).slos();
    Hand clock = new Hand();
    Instant start = Instant.parse("2026-10-01T03:00:00Z");
    clock.millis = start.toEpochMilli();
    SloTracker tracker = SloTracker.builder(clock).addAll(slos).build();
    StringBuilder csv = new StringBuilder("timestamp,slo_id,good_events,total_events\n");
    Random rnd = new Random(11);
    long t = start.toEpochMilli();
    long end = Instant.parse("2026-11-20T11:59:00Z").toEpochMilli();
    while (t < end) {
      t += 1 + rnd.nextInt(90_000);
      clock.millis = t;
      boolean incident = end - t < 40 * 60_000L;
      for (Slo s : slos) {
        int total = 1 + rnd.nextInt(20);
        int good = total - (incident ? rnd.nextInt(total / 4 + 1) : rnd.nextInt(500) == 0 ? 1 : 0);
        tracker.recorder(s.sloId()).record(good, total);
        csv.append(Instant.ofEpochMilli(t)).append(',').append(s.sloId()).append(',');
        csv.append(good).append(',').append(total).append('\n');
      }
    }
    Instant at = Instant.parse("2026-11-20T12:00:00Z");
    clock.millis = at.toEpochMilli();
    Path data = Fixtures.write(dir, "events.csv", csv.toString());

    CliRun run =
        CliRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--at",
            at.toString(),
            "--format",
            "json");
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isZero();
    String fromTracker = Renderer.render(tracker.evaluateAll(), Format.JSON);
    assertThat(fromTracker).isEqualTo(run.out());
    assertThat(run.out()).contains("\"page_1h_5m\"");
  }
}
