package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SpecSummary#check}: what {@code slo validate} prints for spec files. */
class SpecSummaryCheckTest {
  @TempDir Path dir;

  private static final String GOOD =
      """
      slos:
        - {slo_id: a, slo_name: A, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D}
      """;

  @Test
  void shouldGiveAValidLinePerGoodFileAndNoErrors() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), GOOD);
    SpecSummary.Check c = SpecSummary.check(List.of(good));
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings()).isEmpty();
    assertThat(c.valid()).containsExactly(good + ": valid, 1 SLO (1 enabled)");
  }

  @Test
  void shouldListEachErrorAndLeaveTheBadFileWithoutAValidLine() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), GOOD);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "slos:\n  - {slo_id: b}\n");
    SpecSummary.Check c = SpecSummary.check(List.of(good, bad));
    assertThat(c.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).startsWith(bad.toString()));
    assertThat(c.valid()).containsExactly(good + ": valid, 1 SLO (1 enabled)");
  }

  @Test
  void shouldReportAMissingPathAsItsOnlyError() {
    Path missing = dir.resolve("missing.yaml");
    SpecSummary.Check c = SpecSummary.check(List.of(missing));
    assertThat(c.errors()).hasSize(1).first().asString().contains("missing.yaml");
    assertThat(c.warnings()).isEmpty();
    assertThat(c.valid()).isEmpty();
  }

  @Test
  void shouldEscapeControlCharactersSoEachLinePrintsOnOneLine() throws Exception {
    Path odd = Files.writeString(dir.resolve("odd\nname.yaml"), GOOD);
    SpecSummary.Check c = SpecSummary.check(List.of(odd));
    assertThat(c.valid()).singleElement().asString().doesNotContain("\n").contains("odd\\nname");
  }
}
