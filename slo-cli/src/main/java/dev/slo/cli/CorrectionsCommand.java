package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.correction.Correction;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.CorrectionFields;
import dev.slo.core.spec.CorrectionInput;
import dev.slo.core.spec.SpecException;
import dev.slo.core.store.SloFilter;
import dev.slo.report.status.CorrectionsText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slo corrections}: budget corrections kept in the PostgreSQL store. */
@Command(
    name = "corrections",
    mixinStandardHelpOptions = true,
    description =
        "Budget corrections in the PostgreSQL store: time ranges whose events every figure leaves"
            + " out (eval, check and report with --jdbc apply them).",
    subcommands = {
      CorrectionsCommand.Add.class,
      CorrectionsCommand.ListCorrections.class,
      CorrectionsCommand.Delete.class
    })
final class CorrectionsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec self;

  @Override
  public void run() {
    self.commandLine().usage(self.commandLine().getOut());
  }

  /** {@code slo corrections add}. */
  @Command(
      name = "add",
      description = "Store a correction for SLOs (--slo, repeatable) or a whole service.")
  static final class Add extends Subcommand implements Callable<Integer> {
    @Mixin JdbcOptions jdbc;

    @Option(names = "--id", paramLabel = "ID", description = "Its id (default: a random UUID).")
    @Nullable String id;

    @Option(names = "--slo", paramLabel = "SLO_ID", description = "An SLO it applies to.")
    List<String> slos = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME", description = "Every SLO of this service.")
    @Nullable String service;

    @Option(
        names = "--start",
        required = true,
        paramLabel = "T",
        description = "Start: 2026-11-20T10:00:00Z, or local 2026-11-22T02:00 in --time-zone.")
    String start;

    @Option(names = "--end", paramLabel = "T", description = "End (or give --duration).")
    @Nullable String end;

    @Option(names = "--duration", paramLabel = "D", description = "Length of each occurrence.")
    @Nullable String duration;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "IANA zone; default UTC.")
    @Nullable String zone;

    @Option(
        names = "--category",
        paramLabel = "C",
        description =
            "scheduled_maintenance, deployment, outside_business_hours, false_alarm or other"
                + " (default).")
    @Nullable String category;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
    @Nullable String description;

    @Option(
        names = "--rrule",
        paramLabel = "RULE",
        description = "RFC 5545 recurrence, e.g. FREQ=WEEKLY;BYDAY=SU;BYHOUR=2.")
    @Nullable String rrule;

    @Override
    public Integer call() {
      return jdbc.use(
          () -> {
            Correction c = correction(jdbc.store().slos().list(SloFilter.ALL));
            jdbc.store().corrections().create(c);
            out().println("stored correction " + c.id());
            out().flush();
            return ExitCode.OK;
          });
    }

    /** The correction; a problem names its field by its flag (slo_ids by --slo). */
    private Correction correction(List<Slo> known) {
      CorrectionInput input =
          new CorrectionInput(
              slos, service, id, start, end, duration, zone, category, description, rrule);
      try {
        return input.parse("options", known, UUID.randomUUID().toString());
      } catch (SpecException e) {
        var flags = FlagNames.flags(input.fields().keySet(), Map.of("slo_ids", "--slo"));
        throw new InvalidInputException(CorrectionFields.describe(e.problems(), flags), e);
      }
    }
  }

  /** {@code slo corrections list}. */
  @Command(name = "list", description = "List the stored corrections, by start.")
  static final class ListCorrections extends Subcommand implements Callable<Integer> {
    @Mixin JdbcOptions jdbc;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "table (default) or json.")
    String format;

    @Override
    public Integer call() {
      return jdbc.use(
          () -> {
            CorrectionsText.Format f = FlagNames.named(() -> CorrectionsText.Format.of(format));
            out().print(CorrectionsText.render(jdbc.store().corrections().list(), f));
            out().flush();
            return ExitCode.OK;
          });
    }
  }

  /** {@code slo corrections delete}. */
  @Command(name = "delete", description = "Delete stored corrections by id.")
  static final class Delete extends Subcommand implements Callable<Integer> {
    @Mixin JdbcOptions jdbc;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "The corrections to delete.")
    List<String> ids;

    @Override
    public Integer call() {
      return jdbc.use(
          () -> {
            jdbc.store()
                .corrections()
                .deleteAll(
                    ids, jdbc.store().target(), id -> out().println("deleted correction " + id));
            out().flush();
            return ExitCode.OK;
          });
    }
  }
}
