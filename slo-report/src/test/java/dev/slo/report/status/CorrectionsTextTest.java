package dev.slo.report.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.correction.Correction;
import dev.slo.core.spec.CorrectionInput;
import dev.slo.core.spec.SpecParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionsTextTest {
  private static final List<dev.slo.core.model.Slo> SLOS =
      SpecParser.parse(
              "s.yaml",
              """
              slos:
                - {slo_id: a, slo_name: A, service_name: shop, slo_type: AVAILABILITY,
                   target_percentage: 99, time_period: ROLLING_7D}
              """)
          .slos();

  private static Correction correction(String id, String start) {
    return new CorrectionInput(
            List.of("a"), null, id, start, null, "2h", null, "deployment", "release", null)
        .parse("test", SLOS, "unused");
  }

  @Test
  void shouldNameOnlyTableAndJsonAndRefuseOthersLeadingWithTheValue() {
    assertThat(CorrectionsText.Format.of("table")).isEqualTo(CorrectionsText.Format.TABLE);
    assertThat(CorrectionsText.Format.of("json")).isEqualTo(CorrectionsText.Format.JSON);
    for (String bad : List.of("xml", "JSON", " table", "")) {
      assertThatThrownBy(() -> CorrectionsText.Format.of(bad))
          .isInstanceOf(ValidationException.class)
          .hasMessage(bad + ": use table or json")
          .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("format"));
    }
  }

  @Test
  void shouldPrintOneLinePerCorrectionInTheOrderGiven() {
    String text =
        CorrectionsText.render(
            List.of(
                correction("2", "2026-11-23T00:00:00Z"), correction("1", "2026-11-22T00:00:00Z")),
            CorrectionsText.Format.TABLE);
    assertThat(text)
        .isEqualTo(
            "2  a  2026-11-23T00:00:00.000Z  2h  once  deployment  release\n"
                + "1  a  2026-11-22T00:00:00.000Z  2h  once  deployment  release\n");
  }

  @Test
  void shouldSaySoWhenNoneAreStoredAndGiveAnEmptyJsonArray() {
    assertThat(CorrectionsText.render(List.of(), CorrectionsText.Format.TABLE))
        .isEqualTo("No corrections stored.\n");
    assertThat(CorrectionsText.render(List.of(), CorrectionsText.Format.JSON)).isEqualTo("[]\n");
  }

  @Test
  void shouldPrintJsonAsOneLineArray() {
    String json =
        CorrectionsText.render(
            List.of(correction("1", "2026-11-22T00:00:00Z")), CorrectionsText.Format.JSON);
    assertThat(json).startsWith("[{\"id\":\"1\",\"slo_ids\":[\"a\"]").endsWith("}]\n");
    assertThat(json.lines()).hasSize(1);
  }
}
