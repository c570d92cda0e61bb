package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile and careless spec input: size limits, trailing content, control characters. */
class SpecParserHardeningTest {
  private static final String HEAD =
      """
      slos:
        - slo_id: a
          slo_name: A
          service_name: svc
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
      """;

  private static List<SpecProblem> problems(String text) {
    return catchThrowableOfType(SpecException.class, () -> SpecParser.parse("s.yaml", text))
        .problems();
  }

  @Test
  void shouldRefuseADescriptionOverItsLimitWithoutEchoingIt() {
    String text = HEAD + "    description: " + "y".repeat(SpecLimits.MAX_DESCRIPTION_CHARS + 1);
    List<SpecProblem> p = problems(text);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).field()).isEqualTo("slos[0].description");
    assertThat(p.get(0).message())
        .contains("is too long: 4097 characters; description may hold at most 4096")
        .hasSizeLessThan(300);
  }

  @Test
  void shouldAcceptADescriptionAtItsLimit() {
    String text = HEAD + "    description: " + "y".repeat(SpecLimits.MAX_DESCRIPTION_CHARS);
    assertThat(SpecParser.parse("s.yaml", text).slos().get(0).description()).hasSize(4096);
  }

  @Test
  void shouldRefuseATenMegabyteStringFastInYamlAndJson() {
    String big = "x".repeat(10_000_000);
    long t0 = System.nanoTime();
    List<SpecProblem> yaml = problems(HEAD + "    description: " + big + "\n");
    List<SpecProblem> json =
        problems(
            "{\"slos\":[{\"slo_id\":\"a\",\"slo_name\":\"A\",\"service_name\":\"s\","
                + "\"target_percentage\":99,\"description\":\""
                + big
                + "\"}]}");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(millis).isLessThan(2_000);
    assertThat(yaml.get(0).message()).contains("too long").hasSizeLessThan(300);
    assertThat(json.get(0).message()).contains("too long").hasSizeLessThan(300);
  }

  @Test
  void shouldRefuseAJsonStringOverTheScalarLimitWithItsLine() {
    String big = "x".repeat(SpecLimits.MAX_SCALAR_CHARS + 1);
    List<SpecProblem> p = problems("{\"slos\":[\n{\"slo_id\":\"" + big + "\"}]}");
    assertThat(p.get(0).line()).isEqualTo(2);
    assertThat(p.get(0).message())
        .isEqualTo("a text value longer than 16384 characters is refused (see docs/limits.md)");
  }

  @Test
  void shouldRefuseALongYamlLineBeforeScanningIt() {
    List<SpecProblem> p = problems(HEAD + "    sli_query: " + "q".repeat(70_000) + "\n");
    assertThat(p.get(0).line()).isEqualTo(8);
    assertThat(p.get(0).message()).startsWith("the line is 70015 characters long");
  }

  @Test
  void shouldRefuseDeepNesting() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThat(problems("{\"slos\": " + deep + "}").get(0).message()).contains("nested deeper");
    assertThat(problems("slos: " + deep).get(0).message()).contains("nested deeper");
  }

  @Test
  void shouldRefuseContentAfterTheJsonValueWithItsLine() {
    List<SpecProblem> p = problems("{\"slos\":[]}\n garbage");
    assertThat(p.get(0).line()).isEqualTo(2);
    assertThat(p.get(0).message()).startsWith("not valid JSON");
    assertThat(problems("{\"slos\":[]} {}").get(0).message())
        .startsWith("more content after the spec's end");
  }

  @Test
  void shouldRefuseASecondYamlDocumentWithItsLine() {
    List<SpecProblem> p = problems(HEAD + "---\nslos: []\n");
    assertThat(p).hasSize(1);
    assertThat(p.get(0).line()).isEqualTo(9);
    assertThat(p.get(0).message()).startsWith("a second YAML document starts here");
  }

  @Test
  void shouldReportEveryProblemOfOneSlo() {
    List<SpecProblem> p =
        problems(
            HEAD.replace("slo_id: a", "slo_id: API")
                .replace("target_percentage: 99", "target_percentage: 100"));
    assertThat(p)
        .extracting(SpecProblem::field)
        .containsExactly("slos[0].slo_id", "slos[0].target_percentage");
    assertThat(p.get(1).message()).startsWith("100 is not a valid target_percentage");
  }

  @Test
  void shouldReportADuplicateIdEvenWhenTheFirstHolderHasAnotherError() {
    String bad = HEAD.replace("target_percentage: 99", "target_percentage: 100");
    String second = HEAD.substring(HEAD.indexOf('\n') + 1);
    List<SpecProblem> p = problems(bad + second);
    assertThat(p).extracting(SpecProblem::field).contains("slos[1].slo_id");
    assertThat(p.get(p.size() - 1).message())
        .isEqualTo("\"a\" is a duplicate slo_id; first defined on line 2");
  }

  @Test
  void shouldEscapeControlCharactersInEveryMessage() {
    List<SpecProblem> p =
        problems(HEAD.replace("slo_id: a", "slo_id: \"a\\e[31mb\\nc\"").replace("99", "\"9\\t9\""));
    assertThat(p).hasSize(2);
    assertThat(p.get(0).message()).startsWith("\"a\\u001b[31mb\\nc\" is not a valid slo_id");
    assertThat(p.get(1).message()).startsWith("\"9\\t9\" is not a number");
    p.forEach(x -> assertThat(x.toString()).doesNotContain("\n", "\u001b", "\t"));
  }

  @Test
  void shouldPrintDurationsAsWritten() {
    String text =
        HEAD.replace("ROLLING_7D", "ROLLING_1H")
            + "    budgeting_method: timeslices\n"
            + "    timeslice_length: 2h\n"
            + "    timeslice_target_percentage: 95\n";
    assertThat(problems(text).get(0).message())
        .isEqualTo("\"2h\" is not a valid timeslice_length: it is longer than the period");
  }
}
