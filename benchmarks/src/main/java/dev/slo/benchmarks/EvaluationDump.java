package dev.slo.benchmarks;

import dev.slo.core.data.DataRow;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Prints 5,400 evaluations (10 series with gaps and rows out of order, 6 targets, every period, 5
 * instants, occurrences and two timeslice settings, some with {@code no_data: bad}), one {@link
 * Evaluation} per line: run it on two builds and compare the outputs to show a change leaves every
 * result unchanged. {@code java -cp benchmarks/target/benchmarks.jar
 * dev.slo.benchmarks.EvaluationDump > a.txt}
 */
public final class EvaluationDump {
  private EvaluationDump() {}

  /** Prints the evaluations to stdout and their count to stderr. */
  public static void main(String[] a) {
    double[] targets = {99.0, 99.5, 99.9, 99.95, 95.0, 99.123};
    TimePeriod[] periods = {
      TimePeriod.ROLLING_1H,
      TimePeriod.ROLLING_24H,
      TimePeriod.ROLLING_7D,
      TimePeriod.ROLLING_30D,
      TimePeriod.CALENDAR_MONTH,
      TimePeriod.CALENDAR_QUARTER
    };
    Instant[] ats = {
      BenchData.AT,
      BenchData.AT.minus(Duration.ofHours(7)).plusSeconds(13),
      Instant.parse("2025-03-01T00:00:00Z"),
      BenchData.AT.minus(Duration.ofDays(20)),
      BenchData.AT.plus(Duration.ofDays(3))
    };
    int n = 0;
    for (int v = 0; v < 10; v++) {
      List<DataRow> rows = BenchData.rows("s", v, 100 + v);
      // variant: drop some rows (gaps) and shuffle a few for odd v
      List<DataRow> use = new ArrayList<>();
      Random r = new Random(v);
      for (DataRow x : rows) if (v % 3 != 1 || r.nextInt(50) != 0) use.add(x);
      if (v % 2 == 1) Collections.shuffle(use.subList(0, 500), r);
      EventSeries.Builder b = EventSeries.builder(16);
      for (DataRow x : use) b.add(x.timestamp(), x.goodEvents(), x.totalEvents());
      InMemoryEventSource src = new InMemoryEventSource(Map.of("s", b.build()));
      for (double t : targets)
        for (TimePeriod p : periods)
          for (Instant at : ats)
            for (int m = 0; m < 3; m++) {
              Slo slo = BenchData.slo("s", t, p);
              if (m > 0)
                slo =
                    slo.toBuilder()
                        .budgetingMethod(BudgetingMethod.TIMESLICES)
                        .timesliceLength(Duration.ofMinutes(m == 1 ? 5 : 7))
                        .timesliceTargetPercentage(m == 1 ? 99.0 : 97.5)
                        .build();
              if ((v + n) % 4 == 0) slo = slo.toBuilder().noData(NoDataPolicy.BAD).build();
              System.out.println(new Evaluator().evaluate(slo, src, at));
              n++;
            }
    }
    System.err.println(n + " evaluations");
  }
}
