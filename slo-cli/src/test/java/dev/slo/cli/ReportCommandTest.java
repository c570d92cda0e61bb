package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.report.ReportPeriod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo report} on the command line: periods, output files and bad inputs. */
class ReportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path spec;
  Path data;

  @BeforeEach
  void files() {
    spec = ReportFiles.write(dir, "calendar.yaml", ReportFiles.CALENDAR_SPEC);
    ReportPeriod oct = ReportPeriod.parse("2026-10");
    ReportPeriod q4 = ReportPeriod.parse("2026-Q4");
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    java.time.ZoneId utc = java.time.ZoneId.of("UTC");
    java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
    String rows =
        "timestamp,slo_id,good_events,total_events\n"
            + ReportFiles.boundaryRows("berlin", oct.start(berlin), oct.end(berlin))
            + ReportFiles.boundaryRows("utc", oct.start(utc), oct.end(utc))
            + ReportFiles.boundaryRows("quarterly", q4.start(newYork), q4.end(newYork))
            + ReportFiles.boundaryRows(
                "rolling", oct.end(utc).minus(java.time.Duration.ofDays(7)), oct.end(utc));
    data = ReportFiles.write(dir, "events.csv", rows);
  }

  private ReportRun report(Instant now, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("report", "--spec", spec.toString(), "--data", data.toString()));
    args.addAll(List.of(extra));
    return ReportRun.at(now, args.toArray(String[]::new));
  }

  private Map<String, JsonNode> statuses(ReportRun r) throws Exception {
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, JsonNode> byId = new HashMap<>();
    JSON.readTree(r.out())
        .get("slos")
        .forEach(s -> byId.put(s.get("status").get("slo_id").asText(), s.get("status")));
    return byId;
  }

  @Test
  void shouldReportAClosedMonthInEachSlosZone() throws Exception {
    Map<String, JsonNode> s =
        statuses(
            report(
                ReportRun.NOW,
                "--period",
                "2026-10",
                "--format",
                "json",
                "--slo",
                "berlin",
                "--slo",
                "utc",
                "--slo",
                "rolling"));
    assertThat(s.get("berlin").get("last_updated").asText()).isEqualTo("2026-10-31T23:00:00.000Z");
    assertThat(s.get("berlin").get("period").get("start").asText())
        .isEqualTo("2026-09-30T22:00:00.000Z");
    assertThat(s.get("utc").get("last_updated").asText()).isEqualTo("2026-11-01T00:00:00.000Z");
    assertThat(s.get("rolling").get("last_updated").asText()).isEqualTo("2026-11-01T00:00:00.000Z");
    for (JsonNode st : s.values()) {
      // (start, end]: the row at the end counts, the rows at the start and after the end do not.
      assertThat(st.get("total_units").asLong()).as(st.get("slo_id").asText()).isEqualTo(150);
      assertThat(st.get("good_units").asLong()).isEqualTo(150);
    }
  }

  @Test
  void shouldReportAClosedQuarter() throws Exception {
    Instant jan5 = Instant.parse("2027-01-05T00:00:00Z");
    JsonNode q =
        statuses(report(jan5, "--period", "2026-Q4", "--format", "json", "--slo", "quarterly"))
            .get("quarterly");
    assertThat(q.get("last_updated").asText()).isEqualTo("2027-01-01T05:00:00.000Z");
    assertThat(q.get("period").get("start").asText()).isEqualTo("2026-10-01T04:00:00.000Z");
    assertThat(q.get("total_units").asLong()).isEqualTo(150);
  }

  @Test
  void shouldEqualEvalAtThePeriodEnd() throws Exception {
    JsonNode reported =
        statuses(report(ReportRun.NOW, "--period", "2026-10", "--format", "json")).get("berlin");
    ReportRun eval =
        ReportRun.of(
            "eval",
            "--spec",
            spec.toString(),
            "--data",
            data.toString(),
            "--slo",
            "berlin",
            "--at",
            "2026-10-31T23:00:00Z",
            "--format",
            "json");
    assertThat(reported).isEqualTo(JSON.readTree(eval.out()).get(0));
  }

  @Test
  void shouldNameTheLatestZonesEndWhenSeveralZonesHaveNotEnded() {
    ReportRun r = report(Instant.parse("2026-10-31T23:30:00Z"), "--period", "2026-10");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .contains("2026-11-01T00:00-04:00")
        .contains("America/New_York");
  }

  @Test
  void shouldRefuseAPeriodThatHasNotEndedYet() {
    Instant now = Instant.parse("2026-10-31T23:30:00Z");
    assertThat(report(now, "--period", "2026-10", "--slo", "berlin").code()).isZero();
    ReportRun r = report(now, "--period", "2026-10", "--slo", "utc");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("slo: --period 2026-10: the period has not ended yet");
    assertThat(report(ReportRun.NOW, "--period", "2026-Q4").code()).isEqualTo(2);
  }

  @Test
  void shouldGiveOneLineAndExitTwoForBadInput() {
    List<String[]> bad =
        List.of(
            new String[] {"--period", "2026-13"},
            new String[] {"--period", "last-month"},
            new String[] {"--period", "2026-10", "--at", "2026-11-01T00:00:00Z"},
            new String[] {"--at", "yesterday"},
            new String[] {"--slo", "nope"},
            new String[] {"--out", dir.resolve("missing/report.html").toString()},
            new String[] {"--out", dir.toString()});
    for (String[] extra : bad) {
      ReportRun r = report(ReportRun.NOW, extra);
      assertThat(r.code()).as(String.join(" ", extra)).isEqualTo(2);
      assertThat(r.err().lines()).as(r.err()).singleElement().asString().startsWith("slo: ");
      assertThat(r.out()).isEmpty();
    }
    ReportRun noData = ReportRun.of("report", "--spec", spec.toString());
    assertThat(noData.code()).isEqualTo(2);
    assertThat(noData.err().lines()).singleElement().asString().contains("--data");
    ReportRun format = report(ReportRun.NOW, "--format", "pdf");
    assertThat(format.code()).isEqualTo(2);
    assertThat(format.err()).startsWith("slo: ").contains("--format");
  }

  @Test
  void shouldReplaceTheOutputFileAtomically() throws Exception {
    Path out = dir.resolve("report.html");
    Files.writeString(out, "old");
    ReportRun r = report(ReportRun.NOW, "--at", "2026-10-20T00:00:00Z", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("calendar.yaml", "events.csv", "report.html");
    }
  }

  @Test
  void shouldListReportAndDashboardInHelp() {
    ReportRun r = ReportRun.of("--help");
    assertThat(r.out()).contains("report", "dashboard");
    ReportRun help = ReportRun.of("report", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--period", "--format", "--out", "--data", "Exit codes:");
  }
}
