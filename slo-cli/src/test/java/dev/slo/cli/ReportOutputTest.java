package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown is a valid GFM table; HTML is self-contained and escapes every user string. */
class ReportOutputTest {
  /** SLO, Service, Status, SLI, Target, Budget left, Burn 1h, Alerts. */
  private static final int MARKDOWN_COLUMNS = 8;

  private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

  @TempDir Path dir;
  Path spec;
  Path data;

  @BeforeEach
  void files() {
    spec = ReportFiles.write(dir, "slos.yaml", ReportFiles.HOSTILE_SPEC);
    data = ReportFiles.write(dir, "events.csv", ReportFiles.hostileData(ReportRun.NOW));
  }

  private ReportRun report(String format) {
    ReportRun r =
        ReportRun.of(
            "report", "--spec", spec.toString(), "--data", data.toString(), "--format", format);
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private static int pipes(String line) {
    Matcher m = UNESCAPED_PIPE.matcher(line);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void shouldWriteAValidGfmTable() {
    for (ReportRun r : List.of(report("markdown"), ReportRun.example("--format", "markdown"))) {
      List<String> table = r.out().lines().filter(l -> l.startsWith("|")).toList();
      assertThat(table).hasSizeGreaterThanOrEqualTo(3);
      assertThat(table.get(1)).matches("\\|( --- \\|)+");
      int columns = pipes(table.get(0));
      assertThat(columns).isEqualTo(MARKDOWN_COLUMNS + 1);
      for (String row : table) {
        assertThat(row).endsWith("|");
        assertThat(pipes(row)).as(row).isEqualTo(columns);
      }
      // The table is one block: a blank line before and after it.
      List<String> lines = r.out().lines().toList();
      int first = lines.indexOf(table.get(0));
      assertThat(lines.get(first - 1)).isEmpty();
      assertThat(lines.get(first + table.size())).isEmpty();
    }
  }

  @Test
  void shouldListOnlySlosAtRiskAfterTheTable() {
    String md = report("markdown").out();
    List<String> risk = md.lines().filter(l -> l.startsWith("- ")).toList();
    assertThat(risk).hasSize(1);
    assertThat(risk.get(0)).startsWith("- EXHAUSTED evil\\_one: SLI 95% vs target 99%");
  }

  @Test
  void shouldNeutraliseMarkupInMarkdown() {
    String md = report("markdown").out();
    assertThat(md)
        .doesNotContain("<script", "<img", "*bold*", "[x](")
        .contains("&lt;script&gt;", "\\*bold\\*", "\\[x\\]", "a&amp;b");
  }

  @Test
  void shouldEscapeEveryUserStringInHtml() {
    String html = report("html").out();
    assertThat(html)
        .doesNotContain("<script", "<img", "<svg onload", "onerror=alert(2)>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("a&amp;b &lt;img src=x onerror=alert(2)&gt;")
        .contains("&quot;&gt;&lt;svg onload=alert(3)&gt;")
        .contains("&#39;quotes&#39;");
  }

  @Test
  void shouldBeSelfContained() {
    String html = ReportRun.example("--at", ReportRun.AT).out();
    assertThat(html)
        .doesNotContain("<script", "<link", "<img", "src=", "@import", "url(")
        .contains("<style>");
    String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertThat(withoutSvgNamespace).doesNotContain("http://", "https://", "//cdn");
  }

  @Test
  void shouldDrawTwoChartsPerSloAndPrintCss() {
    String html = ReportRun.example("--at", ReportRun.AT).out();
    assertThat(html.split("<svg ", -1)).hasSize(2 * 3 + 1);
    assertThat(html).contains("class=\"series budget\"", "class=\"series sli\"", "@media print");
  }
}
