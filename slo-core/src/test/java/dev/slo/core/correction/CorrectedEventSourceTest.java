package dev.slo.core.correction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.window.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The subtraction equals filtering the rows one by one, whatever the corrections. */
class CorrectedEventSourceTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Slo SLO =
      Slo.builder()
          .sloId("s")
          .sloName("S")
          .serviceName("svc")
          .sloType(dev.slo.core.model.SloType.AVAILABILITY)
          .targetPercentage(99)
          .timePeriod(TimePeriod.ROLLING_30D)
          .build();

  @Property(tries = 40)
  void shouldEqualTheRowsOutsideEveryCorrection(@ForAll long seed) {
    Random r = new Random(seed);
    List<long[]> rows = new ArrayList<>(); // minute, good, total
    EventSeries.Builder b = EventSeries.builder(500);
    for (int i = 0; i < 400; i++) {
      long minute = r.nextInt(2000);
      long total = r.nextInt(20);
      long good = total == 0 ? 0 : r.nextInt((int) total + 1);
      rows.add(new long[] {minute, good, total});
      b.add(T0.plusSeconds(60 * minute), good, total);
    }
    List<Correction> cs = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(6); i++) {
      int s = r.nextInt(2000);
      cs.add(
          new Correction(
              "c" + i,
              CorrectionScope.slo("s"),
              T0.plusSeconds(60L * s),
              Duration.ofMinutes(1 + r.nextInt(300)),
              null,
              null,
              null,
              null));
    }
    CorrectedEventSource src =
        new CorrectedEventSource(
            new InMemoryEventSource(Map.of("s", b.build())), new Corrections(cs));
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int a = r.nextInt(2100) - 50;
      windows.add(new Window(T0.plusSeconds(60L * a), T0.plusSeconds(60L * (a + r.nextInt(1000)))));
    }
    List<EventCounts> got = src.counts(SLO, windows);
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      long good = 0;
      long total = 0;
      for (long[] row : rows) {
        Instant t = T0.plusSeconds(60 * row[0]);
        boolean corrected = cs.stream().anyMatch(c -> new Window(c.start(), c.end()).contains(t));
        if (w.contains(t) && !corrected) {
          good += row[1];
          total += row[2];
        }
      }
      assertThat(got.get(i)).as("window %s", w).isEqualTo(new EventCounts(good, total));
    }
  }

  @Test
  void shouldAnswerSlicesThatOverlapACorrectionEmpty() {
    EventSeries s =
        EventSeries.builder(4)
            .add(T0.plusSeconds(30), 1, 1)
            .add(T0.plusSeconds(90), 1, 2)
            .add(T0.plusSeconds(150), 2, 2)
            .build();
    Correction c =
        new Correction(
            "c",
            CorrectionScope.slo("s"),
            T0.plusSeconds(60),
            Duration.ofSeconds(1),
            null,
            null,
            null,
            null);
    List<EventCounts> slices =
        new CorrectedEventSource(
                new InMemoryEventSource(Map.of("s", s)), new Corrections(List.of(c)))
            .slices(SLO, T0, T0.plusSeconds(180), Duration.ofMinutes(1));
    assertThat(slices)
        .containsExactly(new EventCounts(1, 1), EventCounts.ZERO, new EventCounts(2, 2));
  }
}
