package dev.slo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code slo} command; it only groups the subcommands. */
@Command(
    name = "slo",
    mixinStandardHelpOptions = true,
    versionProvider = SloCommand.Version.class,
    description = "Service Level Objectives: error budgets, burn rates, alerts and CI gates.",
    footer = ExitCode.HELP,
    subcommands = {
      ValidateCommand.class,
      EvalCommand.class,
      CheckCommand.class,
      RulesCommand.class,
      ConvertCommand.class,
      IngestCommand.class,
      HistoryCommand.class,
      DbCommand.class,
      CorrectionsCommand.class,
      ReportCommand.class,
      DashboardCommand.class,
      ServeCommand.class
    })
public final class SloCommand implements Runnable {
  final Clock clock;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  SloCommand(Clock clock) {
    this.clock = clock;
  }

  /** The clock that "now" comes from; subcommands in other packages read it here. */
  public Clock clock() {
    return clock;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version that Maven filtered into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = SloCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "slo " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
