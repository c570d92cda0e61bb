package dev.slo.examples;

import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.report.Report;
import dev.slo.report.ReportFormat;
import dev.slo.report.ReportPeriod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The README's slo-report example, compiled and run by ReadmeExamplesTest. */
final class ReportExample {
  private ReportExample() {}

  static String run(List<Slo> slos, EventSource source, Path out) throws Exception {
    // README:report:start
    Report report =
        Report.builder()
            .slos(slos)
            .source(source)
            .period(ReportPeriod.parse("2026-10")) // or .at(instant)
            .generatedAt(Instant.parse("2026-11-20T12:00:00Z"))
            .build();
    Files.writeString(out, report.render(ReportFormat.HTML));
    // README:report:end
    return report.render(ReportFormat.MARKDOWN);
  }
}
