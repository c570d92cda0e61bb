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
      mixinStandardHelpOptions = true,
      description =
          "Apply the schema migrations (idempotent; safe when several processes run it at once).",
      footer = ExitCode.HELP)
  static final class Migrate implements Callable<Integer> {
    @Mixin JdbcOptions jdbc;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

    @Override
    public Integer call() {
      jdbc.require();
      try {
        MigrationResult r = jdbc.store().openingMigration(); // opening the store migrates
        self.commandLine().getOut().println(r.describe(jdbc.store().target()));
        return ExitCode.OK;
      } finally {
        jdbc.close();
      }
    }
  }
}
