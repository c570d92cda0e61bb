package dev.slo.cli;

import dev.slo.jdbc.MigrationResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code slo db}: database administration. */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Database administration.",
    subcommands = {DbCommand.Migrate.class, DbMaintainCommand.class, DbVerifyCommand.class})
final class DbCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @picocli.CommandLine.ParentCommand SloCommand parent;

  @Override
  public void run() {
    self.commandLine().usage(self.commandLine().getOut());
  }

  /** {@code slo db migrate}: applies the schema migrations. */
  @Command(
      name = "migrate",
      description =
          "Apply the schema migrations (idempotent; safe when several processes run it at once).")
  static final class Migrate extends Subcommand implements Callable<Integer> {
    @Mixin JdbcOptions jdbc;

    @Override
    public Integer call() {
      return jdbc.use(
          () -> {
            MigrationResult r = jdbc.store().openingMigration(); // opening the store migrates
            out().println(r.describe(jdbc.store().target()));
            return ExitCode.OK;
          });
    }
  }
}
