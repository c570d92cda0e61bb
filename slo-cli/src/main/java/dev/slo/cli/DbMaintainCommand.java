package dev.slo.cli;

import dev.slo.jdbc.JdbcStore;
import dev.slo.jdbc.MaintenanceRequest;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo db maintain}: partition upkeep and retention of the SLI history. */
@Command(
    name = "maintain",
    description = {
      "Create the SLI history's partitions ahead, file rows parked in the default partitions and"
          + " drop partitions older than the retention of their resolution (raw rows by day, hour"
          + " buckets by month, day buckets by year). Idempotent: run it hourly from cron.",
      "Retention options are stored in the database and used by later runs."
    })
final class DbMaintainCommand extends Subcommand implements Callable<Integer> {
  @Mixin JdbcOptions jdbc;

  @ParentCommand DbCommand db;

  @Option(
      names = "--raw-retention",
      paramLabel = "DURATION",
      description = "Keep raw rows this long (stored; default 35d: a 30-day window plus margin).")
  @Nullable String raw;

  @Option(
      names = "--hourly-retention",
      paramLabel = "DURATION",
      description = "Keep hour buckets this long (stored; default 400d).")
  @Nullable String hourly;

  @Option(
      names = "--daily-retention",
      paramLabel = "DURATION",
      description = "Keep day buckets this long (stored; default 5y).")
  @Nullable String daily;

  @Option(
      names = "--ahead",
      paramLabel = "DURATION",
      defaultValue = "7d",
      description = "Create partitions this far past now (default ${DEFAULT-VALUE}).")
  String ahead;

  @Option(
      names = "--partitioner",
      paramLabel = "KEEPER",
      defaultValue = "auto",
      description =
          "Who creates and drops partitions: auto (pg_partman when installed in the database or"
              + " installable by this user, else the store's own DDL), pg_partman, builtin"
              + " (default ${DEFAULT-VALUE}). Once handed to pg_partman, the tables stay with it.")
  String partitioner;

  @Override
  public Integer call() {
    return jdbc.use(
        () -> {
          JdbcStore store = jdbc.store();
          MaintenanceRequest r =
              FlagNames.named(() -> MaintenanceRequest.of(raw, hourly, daily, ahead, partitioner));
          self.commandLine()
              .getOut()
              .println(r.run(store, db.parent.clock.instant()).describe(store.target()));
          return ExitCode.OK;
        });
  }
}
