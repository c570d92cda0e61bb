package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every number in a report equals what {@code slo eval --format json} gives. */
class ReportNumbersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode report;
  private static ReportRun markdown;
  private static ReportRun html;

  @BeforeAll
  static void run() throws Exception {
    ReportRun r = ReportRun.example("--at", ReportRun.AT, "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    report = JSON.readTree(r.out());
    markdown = ReportRun.example("--at", ReportRun.AT, "--format", "markdown");
    html = ReportRun.example("--at", ReportRun.AT, "--format", "html");
  }

  private static Map<String, JsonNode> evalById(String... extra) throws Exception {
    ReportRun r = ReportRun.eval(extra);
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, JsonNode> byId = new HashMap<>();
    JSON.readTree(r.out()).forEach(n -> byId.put(n.get("slo_id").asText(), n));
    return byId;
  }

  @Test
  void shouldEqualEvalJsonForEverySlo() throws Exception {
    Map<String, JsonNode> eval = evalById("--at", ReportRun.AT, "--format", "json");
    assertThat(report.get("slos")).hasSize(eval.size()).hasSize(3);
    for (JsonNode s : report.get("slos")) {
      JsonNode status = s.get("status");
      assertThat(status).isEqualTo(eval.get(status.get("slo_id").asText()));
    }
  }

  @Test
  void shouldSortByBudgetRemainingLowestFirst() {
    double previous = Double.NEGATIVE_INFINITY;
    for (JsonNode s : report.get("slos")) {
      double remaining = s.get("status").get("error_budget_remaining").asDouble();
      assertThat(remaining).isGreaterThanOrEqualTo(previous);
      previous = remaining;
    }
  }

  @Test
  void shouldEndEverySeriesWithTheReportedStatus() {
    for (JsonNode s : report.get("slos")) {
      JsonNode series = s.get("series");
      JsonNode last = series.get(series.size() - 1);
      JsonNode status = s.get("status");
      assertThat(last.get("at")).isEqualTo(status.get("last_updated"));
      assertThat(last.get("error_budget_remaining"))
          .isEqualTo(status.get("error_budget_remaining"));
      assertThat(last.get("current_sli")).isEqualTo(status.get("current_sli"));
    }
  }

  @Test
  void shouldMakeEverySeriesPointAnEvalAtThatInstant() throws Exception {
    for (JsonNode s : report.get("slos")) {
      JsonNode series = s.get("series");
      assertThat(series.size()).isGreaterThan(20);
      JsonNode point = series.get(series.size() / 2);
      String id = s.get("status").get("slo_id").asText();
      JsonNode eval =
          evalById("--at", point.get("at").asText(), "--slo", id, "--format", "json").get(id);
      assertThat(point.get("error_budget_remaining")).isEqualTo(eval.get("error_budget_remaining"));
      assertThat(point.get("current_sli")).isEqualTo(eval.get("current_sli"));
    }
  }

  @Test
  void shouldSpaceSeriesHourlyUpToSevenDaysAndSixHourlyUpToAMonth() {
    for (JsonNode s : report.get("slos")) {
      JsonNode series = s.get("series");
      String period = s.get("status").get("time_period").asText();
      int expected =
          switch (period) {
            case "ROLLING_7D" -> 7 * 24; // hourly over (at - 7d, at]
            case "ROLLING_30D" -> 30 * 4; // 6-hourly over (at - 30d, at]
            default -> 78 + 1; // CALENDAR_MONTH in Berlin: 469h from Oct 31 23:00Z, 6-hourly
          };
      assertThat(series).as(period).hasSize(expected);
    }
  }

  @Test
  void shouldPrintEvalNumbersInMarkdownAndHtml() {
    assertThat(markdown.code()).isZero();
    assertThat(html.code()).isZero();
    for (JsonNode s : report.get("slos")) {
      JsonNode st = s.get("status");
      String budget =
          String.format(
              java.util.Locale.ROOT, "%.1f%%", st.get("error_budget_remaining").asDouble() * 100);
      String burn = String.format(java.util.Locale.ROOT, "%.2fx", st.get("burn_rate").asDouble());
      String sli = percent(st.get("current_sli").asDouble());
      String row =
          markdown
              .out()
              .lines()
              .filter(l -> l.contains("(" + st.get("slo_id").asText() + ")"))
              .findFirst()
              .orElseThrow();
      assertThat(row).contains(" " + budget + " ", " " + burn + " ", " " + sli + " ");
      assertThat(html.out()).contains(">" + budget + "<", ">" + burn + "<", ">" + sli + "<");
    }
  }

  /** A percentage with up to four decimals, as reports print it: {@code 99.9722%}. */
  private static String percent(double p) {
    return java.math.BigDecimal.valueOf(Math.round(p * 10_000) / 10_000.0)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
