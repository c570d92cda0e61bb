package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.json.StatusJson;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CorrectionFields}: a correction from named fields, with the spec's rules, and back. */
class CorrectionFieldsTest {
  private static final Spec SPEC =
      SpecParser.parse(
          "s.yaml",
          """
          slos:
            - {slo_id: a, slo_name: A, service_name: shop, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D}
            - {slo_id: b, slo_name: B, service_name: shop, slo_type: AVAILABILITY,
               target_percentage: 99, time_period: ROLLING_7D}
          """);

  private static Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("slo_ids", List.of("b", "a"));
    f.put("service", null);
    f.put("start", "2026-11-22T02:00");
    f.put("duration", "2h");
    f.put("time_zone", "Europe/Berlin");
    f.put("category", "deployment");
    f.put("description", "release 4.2");
    return f;
  }

  @Test
  void shouldReadLocalStartInTheZoneAndLeaveNullFieldsOut() {
    Correction c = CorrectionFields.parse("options", fields(), SPEC.slos(), "gen-1");
    assertThat(c.id()).isEqualTo("gen-1");
    assertThat(c.scope().sloIds()).containsExactlyInAnyOrder("a", "b");
    // 02:00 in Berlin on 22 November (winter time, +01) is 01:00 UTC
    assertThat(c.start()).isEqualTo(Instant.parse("2026-11-22T01:00:00Z"));
    assertThat(c.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(c.category()).isEqualTo(CorrectionCategory.DEPLOYMENT);
  }

  @Test
  void shouldWriteEveryFieldOfAStoredCorrectionWithEndAndDurationBoth() {
    Correction c = CorrectionFields.parse("options", fields(), SPEC.slos(), "gen-1");
    String json = StatusJson.line(CorrectionFields.json(c));
    assertThat(json)
        .isEqualTo(
            "{\"id\":\"gen-1\",\"slo_ids\":[\"a\",\"b\"],\"service\":null,"
                + "\"start\":\"2026-11-22T01:00:00.000Z\",\"end\":\"2026-11-22T03:00:00.000Z\","
                + "\"duration\":\"2h\",\"time_zone\":\"Europe/Berlin\",\"category\":\"deployment\","
                + "\"description\":\"release 4.2\",\"rrule\":null}");
  }

  @Test
  void shouldNameTheFieldAsTheCallerCallsItAndCountTheOtherProblems() {
    Map<String, Object> f = fields();
    f.put("start", "yesterday");
    f.put("slo_ids", List.of("nope"));
    assertThatThrownBy(() -> CorrectionFields.parse("options", f, SPEC.slos(), "x"))
        .isInstanceOfSatisfying(
            SpecException.class,
            e -> {
              assertThat(e.problems()).hasSizeGreaterThan(1);
              String line = CorrectionFields.describe(e.problems(), Map.of("slo_ids", "--slo"));
              assertThat(line)
                  .matches("(--slo|start): .+ \\(and " + (e.problems().size() - 1) + " more\\)");
            });
  }
}
