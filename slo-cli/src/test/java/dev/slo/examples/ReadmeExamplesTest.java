package dev.slo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.alert.Severity;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.model.Status;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.spec.SpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library examples are these files, verbatim, and they run. */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path HERE = Path.of("src", "test", "java", "dev", "slo", "examples");
  private static final String SPEC =
      """
      slos:
        - slo_id: checkout-availability
          slo_name: Checkout availability
          service_name: checkout
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: CALENDAR_MONTH
      """;

  @TempDir Path dir;

  @Test
  void shouldShowEachExampleInTheReadmeVerbatim() throws Exception {
    String readme = Files.readString(README);
    for (String[] x :
        new String[][] {
          {"CoreExample.java", "core"},
          {"ServerExample.java", "server"},
          {"ReportExample.java", "report"}
        }) {
      assertThat(readme).as(x[0]).contains(snippet(x[0], x[1]));
    }
  }

  @Test
  void shouldEvaluateInCodeAndFireThePageTier() {
    Evaluation e = CoreExample.run();
    assertThat(e.status()).isEqualTo(Status.CRITICAL);
    assertThat(e.alerts()).anyMatch(a -> a.tier().severity() == Severity.PAGE);
  }

  @Test
  void shouldServeStatusFromAnEmbeddedServer() throws Exception {
    String body = ServerExample.run(SPEC, source(), dir.resolve("events.jsonl"));
    assertThat(body).contains("\"slo_id\":\"checkout-availability\"").contains("\"status\"");
    assertThat(Files.readString(dir.resolve("events.jsonl")))
        .contains("\"slo_status_update\":{\"slo_id\":\"checkout-availability\"");
  }

  @Test
  void shouldRenderAReportFromCode() throws Exception {
    Path html = dir.resolve("report.html");
    String markdown = ReportExample.run(SpecParser.parse("slos.yaml", SPEC).slos(), source(), html);
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("2026-10");
    assertThat(markdown).contains("checkout-availability");
  }

  /** October 2026 and November until the 20th: 1,000 requests a minute, one error in 2,000. */
  private static InMemoryEventSource source() {
    Instant from = Instant.parse("2026-10-01T00:00:00Z");
    Instant to = Instant.parse("2026-11-20T12:00:00Z");
    EventSeries.Builder b = EventSeries.builder(80_000);
    int i = 0;
    for (Instant t = from.plusSeconds(60); !t.isAfter(to); t = t.plus(Duration.ofMinutes(1))) {
      b.add(t, i++ % 2 == 0 ? 1_000 : 999, 1_000);
    }
    return new InMemoryEventSource(Map.of("checkout-availability", b.build()));
  }

  /** The lines between {@code // README:name:start} and {@code :end}, indentation removed. */
  private static String snippet(String file, String name) throws Exception {
    String text = Files.readString(HERE.resolve(file));
    int a = text.indexOf("// README:" + name + ":start");
    int b = text.indexOf("    // README:" + name + ":end");
    String body = text.substring(text.indexOf('\n', a) + 1, b);
    return body.stripTrailing().stripIndent().strip();
  }
}
