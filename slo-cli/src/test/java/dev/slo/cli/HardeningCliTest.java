package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and careless command lines: each is one line on stderr and exit 2, values escaped. */
class HardeningCliTest {
  @TempDir Path dir;

  private Path spec() {
    return Fixtures.write(dir, "s.yaml", Fixtures.SPEC);
  }

  private Path data() {
    return Fixtures.write(dir, "d.csv", Fixtures.data());
  }

  private static void assertOneLine(CliRun r, int code, String contains) {
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    assertThat(r.err().lines()).singleElement().asString().startsWith("slo: ").contains(contains);
    assertThat(r.err()).doesNotContain("\tat ", "\u001b", "\r");
  }

  @Test
  void shouldRefuseAnEmptyAt() {
    CliRun r =
        CliRun.of("eval", "--spec", spec().toString(), "--data", data().toString(), "--at", "");
    assertOneLine(r, 2, "--at \"\": empty; give an instant");
  }

  @Test
  void shouldSayAnInstantFarInTheFutureIsOutOfRange() {
    CliRun r =
        CliRun.of(
            "eval",
            "--spec",
            spec().toString(),
            "--data",
            data().toString(),
            "--at",
            "9999-12-31T00:00:00Z");
    assertOneLine(r, 2, "the instant 9999-12-31T00:00:00Z is out of range");
    assertThat(r.err()).doesNotContain("overflow");
    CliRun edge =
        CliRun.of(
            "eval",
            "--spec",
            spec().toString(),
            "--data",
            data().toString(),
            "--at",
            "2262-01-01T00:00:00Z");
    assertThat(edge.code()).as(edge.err()).isZero();
  }

  @Test
  void shouldRefuseAHeaderValueWithCrLfInOneLine() {
    CliRun r =
        CliRun.of(
            "eval",
            "--spec",
            spec().toString(),
            "--prometheus",
            "http://127.0.0.1:9",
            "--prometheus-header",
            "X-A=b\r\nX-Injected: 1");
    assertOneLine(r, 2, "'--prometheus-header' (NAME=VALUE): \"X-A\": the value holds a CR, LF");
  }

  @Test
  void shouldRefuseTheHeaderWhileParsingBeforeReadingTheSpec() {
    CliRun r =
        CliRun.of(
            "eval",
            "--spec",
            dir.resolve("missing.yaml").toString(),
            "--prometheus",
            "http://127.0.0.1:9",
            "--prometheus-header",
            "X-A=b\nc");
    assertOneLine(r, 2, "the value holds a CR, LF");
  }

  @Test
  void shouldPrintABadFormatInExactlyOneLine() {
    CliRun r =
        CliRun.of(
            "eval", "--spec", spec().toString(), "--data", data().toString(), "--format", "xml");
    assertOneLine(r, 2, "--format");
    assertThat(r.err()).contains("(see 'slo eval --help')");
  }

  @Test
  void shouldPrintCheckPercentsAsEvalDoes() {
    CliRun r = CliRun.of("check", "--spec", spec().toString(), "--data", data().toString());
    assertThat(r.out())
        .contains("api: CRITICAL, SLI 99.9972% vs target 99.9%,")
        .contains("web: HEALTHY, SLI 100% vs target 99%,")
        .doesNotContain("99.0%", "100.0000%");
  }

  @Test
  void shouldEscapeControlCharactersInValidateAndTableOutput() {
    Path s =
        Fixtures.write(
            dir,
            "ctl.yaml",
            Fixtures.SPEC
                .replace("service_name: api", "service_name: \"a\\e[2Jb|<i>\"")
                .replace("slo_id: web", "slo_id: \"w\\neb\""));
    CliRun v = CliRun.of("validate", s.toString());
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err().lines())
        .singleElement()
        .asString()
        .endsWith(
            "slos[1].slo_id: \"w\\neb\" is not a valid slo_id: use 1 to 100 characters of"
                + " a-z, 0-9, '_', '.', '-', starting with a letter or digit");
    Path ok =
        Fixtures.write(
            dir,
            "ok.yaml",
            Fixtures.SPEC.replace("service_name: api", "service_name: \"a\\e[2Jb|<i>\""));
    CliRun t = CliRun.of("eval", "--spec", ok.toString(), "--data", data().toString());
    assertThat(t.out()).contains("a\\u001b[2Jb|<i>").doesNotContain("\u001b");
    CliRun m =
        CliRun.of(
            "eval", "--spec", ok.toString(), "--data", data().toString(), "--format", "markdown");
    assertThat(m.out()).contains("a\\u001b[2Jb\\|&lt;i&gt;").doesNotContain("<i>");
  }

  @Test
  void shouldRefuseAnOversizedSpecFileWithoutReadingItWhole() {
    Path big = Fixtures.write(dir, "big.yaml", "# " + "x".repeat(5_000_000) + "\n");
    CliRun r = CliRun.of("validate", big.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .endsWith("a spec may hold at most 4194304 (see docs/limits.md)");
  }
}
