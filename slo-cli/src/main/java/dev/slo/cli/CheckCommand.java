package dev.slo.cli;

import dev.slo.core.model.Status;
import dev.slo.report.status.Gate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo check}: the CI gate. */
@Command(
    name = "check",
    description =
        "CI gate: exit 0 when every selected SLO is better than --fail-on, 1 otherwise, with one"
            + " line per failing SLO saying why.")
final class CheckCommand extends Subcommand implements Callable<Integer> {
  /** The status at which the gate fails. */
  enum FailOn {
    WARNING(Status.WARNING),
    CRITICAL(Status.CRITICAL),
    EXHAUSTED(Status.EXHAUSTED);

    final Status status;

    FailOn(Status status) {
      this.status = status;
    }
  }

  @ParentCommand SloCommand parent;

  @Mixin Inputs inputs;

  @Option(
      names = "--fail-on",
      paramLabel = "STATUS",
      defaultValue = "critical",
      description = "warning, critical (default) or exhausted: fail when an SLO is at least this.")
  FailOn failOn;

  @Override
  public Integer call() {
    Gate gate = new Gate(inputs.evaluate(parent.clock(), err()), failOn.status);
    out().print(gate.text());
    out().flush();
    return gate.failed() == 0 ? ExitCode.OK : ExitCode.GATE_FAILED;
  }
}
