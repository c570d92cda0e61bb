package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.correction.Correction;
import dev.slo.core.json.StatusJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CorrectionInput} (a new correction from text fields) and the listing of stored ones
 * ({@link CorrectionFields#line}, {@link CorrectionFields#json(List)}).
 */
class CorrectionInputTest {
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

  private static CorrectionInput input(List<String> ids, String start, String rrule) {
    return new CorrectionInput(
        ids, null, null, start, null, "2h", "Europe/Berlin", "deployment", "release 4.2", rrule);
  }

  @Test
  void shouldKeepTheFieldOrderInWhichProblemsAreReported() {
    assertThat(input(List.of("a"), "2026-11-22T02:00", null).fields().keySet())
        .containsExactly(
            "slo_ids",
            "service",
            "id",
            "start",
            "end",
            "duration",
            "time_zone",
            "category",
            "description",
            "rrule");
  }

  @Test
  void shouldReadTheFieldsByTheSpecRulesAndUseTheDefaultIdWhenNoneIsGiven() {
    Correction c = input(List.of("b", "a"), "2026-11-22T02:00", null).parse("o", SPEC.slos(), "d");
    assertThat(c.id()).isEqualTo("d");
    assertThat(c.start()).isEqualTo(Instant.parse("2026-11-22T01:00:00Z"));
    assertThat(c.scope().sloIds()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void shouldReportTheFirstBadFieldFirst() {
    assertThatThrownBy(() -> input(List.of("nope"), "yesterday", null).parse("o", SPEC.slos(), "d"))
        .isInstanceOfSatisfying(
            SpecException.class,
            e ->
                assertThat(CorrectionFields.describe(e.problems(), Map.of("slo_ids", "--slo")))
                    .startsWith("--slo: "));
  }

  @Test
  void shouldListAOneOffCorrectionWithSortedIdsAndUtcStart() {
    Correction c = input(List.of("b", "a"), "2026-11-22T02:00", null).parse("o", SPEC.slos(), "d");
    assertThat(CorrectionFields.line(c))
        .isEqualTo("d  a,b  2026-11-22T01:00:00.000Z  2h  once  deployment  release 4.2");
  }

  @Test
  void shouldListARecurringCorrectionWithItsRuleAndZoneAndAServiceByName() {
    Correction c =
        new CorrectionInput(
                List.of(),
                "shop",
                "w",
                "2026-11-22T02:00",
                null,
                "1h",
                "Europe/Berlin",
                null,
                null,
                "FREQ=WEEKLY;BYDAY=SU")
            .parse("o", SPEC.slos(), "d");
    assertThat(CorrectionFields.line(c))
        .isEqualTo(
            "w  service shop  2026-11-22T01:00:00.000Z  1h  FREQ=WEEKLY;BYDAY=SU in Europe/Berlin"
                + "  other  ");
  }

  @Test
  void shouldListEveryCorrectionAsOneJsonArrayInOrder() {
    Correction one = input(List.of("a"), "2026-11-22T02:00", null).parse("o", SPEC.slos(), "1");
    Correction two = input(List.of("b"), "2026-11-23T02:00", null).parse("o", SPEC.slos(), "2");
    String json = StatusJson.line(CorrectionFields.json(List.of(one, two)));
    assertThat(json).startsWith("[{\"id\":\"1\",").contains("},{\"id\":\"2\",").endsWith("}]");
    assertThat(StatusJson.line(CorrectionFields.json(List.of()))).isEqualTo("[]");
  }
}
