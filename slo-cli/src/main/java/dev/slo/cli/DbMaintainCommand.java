package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.window.DurationText;
import dev.slo.jdbc.JdbcStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo db maintain}: partition upkeep and retention of the SLI history. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = {
      "Create the SLI history's partitions ahead, file rows parked in the default partitions and"
          + " drop partitions older than the retention of their resolution (raw rows by day, hour"
          + " buckets by month, day buckets by year). Idempotent: run it hourly from cron.",
      "Retention options are stored in the database and used by later runs."
    },
    footer = ExitCode.HELP)
final class DbMaintainCommand implements Callable<Integer> {
  @Mixin JdbcOptions jdbc;

  @ParentCommand DbCommand db;

  @Option(
      names = "--raw-retention",
      paramLabel = "DURATION",
      description = "Keep raw rows this long (stored; default 35d: a 30-day window plus margin).")
  String raw;

  @Option(
      names = "--hourly-retention",
      paramLabel = "DURATION",
      description = "Keep hour buckets this long (stored; default 400d).")
  String hourly;

  @Option(
      names = "--daily-retention",
      paramLabel = "DURATION",
      description = "Keep day buckets this long (stored; default 5y).")
  String daily;

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

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public Integer call() {
    if (!jdbc.given()) {
      throw new InvalidInputException("Missing required option: '--jdbc=URL'");
    }
    try {
      JdbcStore.RetentionPolicy policy = null;
      if (raw != null || hourly != null || daily != null) {
        JdbcStore.RetentionPolicy now = jdbc.store().retentionPolicy();
        policy =
            new JdbcStore.RetentionPolicy(
                raw == null ? now.raw() : duration("--raw-retention", raw),
                hourly == null ? now.hourly() : duration("--hourly-retention", hourly),
                daily == null ? now.daily() : duration("--daily-retention", daily));
      }
      JdbcStore.MaintenanceReport r =
          jdbc.store()
              .maintain(
                  db.parent.clock.instant(),
                  policy,
                  duration("--ahead", ahead),
                  partitioner(partitioner));
      PrintWriter out = self.commandLine().getOut();
      out.println(
          jdbc.store().target()
              + ": retention raw "
              + DurationText.format(r.policy().raw())
              + ", hourly "
              + DurationText.format(r.policy().hourly())
              + ", daily "
              + DurationText.format(r.policy().daily())
              + "; created "
              + r.created().size()
              + " partitions, dropped "
              + r.dropped().size()
              + (r.dropped().isEmpty() ? "" : " " + r.dropped())
              + (r.strayRowsDropped() > 0
                  ? ", removed " + r.strayRowsDropped() + " expired rows from default partitions"
                  : "")
              + "; partitions kept by "
              + r.partitioner());
      return ExitCode.OK;
    } finally {
      jdbc.close();
    }
  }

  static JdbcStore.Partitioner partitioner(String text) {
    return switch (text) {
      case "auto" -> JdbcStore.Partitioner.AUTO;
      case "pg_partman" -> JdbcStore.Partitioner.PG_PARTMAN;
      case "builtin" -> JdbcStore.Partitioner.BUILTIN;
      default ->
          throw new InvalidInputException(
              "--partitioner " + text + ": not one of auto, pg_partman, builtin");
    };
  }

  /** A duration such as {@code 35d}, {@code 12h} or {@code 5y} (a year is 365.25 days). */
  static Duration duration(String option, String text) {
    try {
      if (text.matches("\\d{1,4}y")) {
        long years = Long.parseLong(text.substring(0, text.length() - 1));
        return Duration.ofDays(Math.round(years * 365.25));
      }
      return DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          option + " " + text + ": not a duration; use for example 35d, 400d or 5y", e);
    }
  }
}
