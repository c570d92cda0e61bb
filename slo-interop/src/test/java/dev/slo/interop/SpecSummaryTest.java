package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SpecSummary}: the {@code valid, ...} line per file of {@code slo validate}. */
class SpecSummaryTest {
  private static final String NATIVE =
      """
      slos:
        - {slo_id: a, slo_name: A, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D}
        - {slo_id: b, slo_name: B, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, enabled: false}
      corrections:
        - {slo_ids: [a], start: "2026-11-22T02:00:00Z", duration: 2h}
      """;

  private static final String ONE =
      """
      slos:
        - {slo_id: c, slo_name: C, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D}
      """;

  private static Map<String, String> files(String... nameThenText) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      m.put(nameThenText[i], nameThenText[i + 1]);
    }
    return m;
  }

  @Test
  void shouldCountSlosEnabledOnesAndCorrectionsInTheSingularAndPlural() {
    assertThat(SpecSummary.valid(SpecLoader.read(files("two.yaml", NATIVE, "one.yaml", ONE))))
        .containsExactly(
            "two.yaml: valid, 2 SLOs (1 enabled), 1 correction",
            "one.yaml: valid, 1 SLO (1 enabled)");
  }

  @Test
  void shouldNameTheFormatVersionOfAForeignFile() throws IOException {
    String openslo = Files.readString(Fixtures.file("openslo-v1/raw-failure-ratio.yaml"));
    assertThat(SpecSummary.valid(SpecLoader.read(files("o.yaml", openslo))))
        .containsExactly("o.yaml: valid, 1 SLO (1 enabled), openslo/v1");
  }

  @Test
  void shouldGiveNoLineForAFileWithAnErrorAndEscapeControlCharactersInNames() {
    String bad = ONE.replace("target_percentage: 99", "target_percentage: 120");
    assertThat(SpecSummary.valid(SpecLoader.read(files("bad.yaml", bad, "a\tb.yaml", NATIVE))))
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("a\\tb.yaml: valid, 2 SLOs"));
  }

  @Test
  void shouldSayNoSloForAnEmptyNativeFile() {
    assertThat(SpecSummary.valid(SpecLoader.read(files("e.yaml", "slos: []\n"))))
        .containsExactly("e.yaml: valid, 0 SLOs (0 enabled)");
  }
}
