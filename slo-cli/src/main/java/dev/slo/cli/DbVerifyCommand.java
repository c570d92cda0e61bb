package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.jdbc.JdbcStore;
import dev.slo.jdbc.VerifyDays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo db verify}: recomputes rollup buckets from raw rows and reports differences. */
@Command(
    name = "verify",
    description =
        "Recompute the hour and day buckets of whole UTC days from the raw rows and list every"
            + " bucket whose rollup differs (days whose raw rows have expired are skipped). Exit 1"
            + " when a bucket differs.")
final class DbVerifyCommand extends Subcommand implements Callable<Integer> {
  @Mixin JdbcOptions jdbc;

  @ParentCommand DbCommand db;

  @Option(
      names = "--from",
      paramLabel = "T",
      description = "First day to check (default: 2 days before now).")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "T", description = "Last day to check (default: today).")
  @Nullable String to;

  @Override
  public Integer call() {
    return jdbc.use(
        () -> {
          VerifyDays days =
              FlagNames.named(() -> VerifyDays.of(from, to, db.parent.clock.instant()));
          if (days.isEmpty()) {
            throw new InvalidInputException("--from " + from + " is after --to " + to);
          }
          JdbcStore.VerifyReport r = jdbc.store().verify(days.from(), days.to());
          out().print(r.text(jdbc.store().target(), jdbc.store().partitioner()));
          return r.differing() == 0 ? ExitCode.OK : ExitCode.GATE_FAILED;
        });
  }
}
