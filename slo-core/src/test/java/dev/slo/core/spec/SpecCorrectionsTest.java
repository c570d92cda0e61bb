package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecCorrectionsTest {
  private static final String SLOS =
      """
      slos:
        - slo_id: a
          slo_name: A
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
          corrections:
            - id: sunday
              start: 2026-03-01T02:00
              duration: 2h
              time_zone: America/New_York
              category: scheduled_maintenance
              description: Weekly database maintenance
              rrule: FREQ=WEEKLY;BYDAY=SU;BYHOUR=2
        - slo_id: b
          slo_name: B
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
      """;

  private static List<String> problems(String text) {
    return catchThrowableOfType(SpecException.class, () -> SpecParser.parse("s.yaml", text))
        .problems()
        .stream()
        .map(SpecProblem::toString)
        .toList();
  }

  @Test
  void shouldReadCorrectionsUnderAnSloAndAtTheTopLevel() {
    Spec spec =
        SpecParser.parse(
            "s.yaml",
            SLOS
                + """
                corrections:
                  - slo_ids: [a, b]
                    start: 2026-11-20T10:00:00Z
                    end: 2026-11-20T11:30:00+01:00
                    category: deployment
                  - service: shop
                    start: 2026-11-21T00:00:00Z
                    duration: 30m
                """);
    List<Correction> cs = spec.corrections().all();
    assertThat(cs)
        .extracting(Correction::id)
        .containsExactly("sunday", "correction#1", "correction#2");
    Correction sunday = cs.get(0);
    assertThat(sunday.start()).isEqualTo(Instant.parse("2026-03-01T07:00:00Z"));
    assertThat(sunday.duration()).isEqualTo(Duration.ofHours(2));
    assertThat(sunday.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(sunday.category()).isEqualTo(CorrectionCategory.SCHEDULED_MAINTENANCE);
    assertThat(sunday.recurrence().freq()).isEqualTo(Recurrence.Freq.WEEKLY);
    assertThat(sunday.scope().sloIds()).isEqualTo(Set.of("a"));
    assertThat(cs.get(1).duration()).isEqualTo(Duration.ofMinutes(30));
    assertThat(cs.get(1).scope().sloIds()).isEqualTo(Set.of("a", "b"));
    assertThat(cs.get(2).scope().service()).isEqualTo("shop");
    assertThat(cs.get(2).category()).isEqualTo(CorrectionCategory.OTHER);
    assertThat(spec.corrections().of(spec.find("b").orElseThrow())).hasSize(2);
  }

  @Test
  void shouldNameTheFieldAndTheBadValue() {
    List<String> p =
        problems(
            SLOS
                + """
                corrections:
                  - slo_ids: [a, nope]
                    start: 2026-11-20T10:00:00Z
                    duration: 1h
                  - service: shop
                    start: 2026-11-20T10:00:00Z
                    end: 2026-11-20T09:00:00Z
                  - service: shop
                    start: 2026-11-20T10:00
                    duration: 1h
                    time_zone: Mars/Olympus
                  - service: shop
                    start: 2026-11-20T10:00:00Z
                    duration: 1h
                    rrule: FREQ=WEEKLY;BYDAY=SUN
                  - service: nobody
                    start: yesterday
                    duration: 1h
                """);
    assertThat(p)
        .containsExactly(
            "s.yaml:23: corrections[0].slo_ids: \"nope\" is not a known slo_id; known: a, b",
            "s.yaml:28: corrections[1].end: \"2026-11-20T09:00:00Z\" is not after start"
                + " \"2026-11-20T10:00:00Z\"; a correction must end after it starts",
            "s.yaml:32: corrections[2].time_zone: \"Mars/Olympus\" is not a valid time_zone; use"
                + " an IANA name such as UTC, Europe/Berlin or America/New_York",
            "s.yaml:36: corrections[3].rrule: \"BYDAY=SUN\" is not valid: \"SUN\" is not a weekday"
                + " (MO, TU, WE, TH, FR, SA, SU, optionally numbered: 1SU, -1FR)",
            "s.yaml:37: corrections[4].service: \"nobody\" is not the service_name of any known"
                + " SLO; known: shop",
            "s.yaml:38: corrections[4].start: \"yesterday\" is not a valid start; use ISO-8601"
                + " such as 2026-11-22T02:00:00Z, 2026-11-22T02:00:00+01:00, or 2026-11-22T02:00"
                + " read in time_zone");
  }

  @Test
  void shouldRejectDuplicateIdsAndMissingEnds() {
    List<String> p =
        problems(
            SLOS
                + """
                corrections:
                  - id: sunday
                    service: shop
                    start: 2026-11-20T10:00:00Z
                    duration: 1h
                  - slo_ids: a
                    start: 2026-11-20T10:00:00Z
                  - start: 2026-11-20T10:00:00Z
                    duration: 1h
                """);
    assertThat(p).hasSize(3);
    assertThat(p.get(0)).contains("corrections[0].id: \"sunday\" is a duplicate correction id");
    assertThat(p.get(1)).contains("corrections[1]: no end; give end: TIME or duration: 2h");
    assertThat(p.get(2)).contains("corrections[2]: no selector; give slo_ids: [..] or service");
  }

  @Test
  void shouldRejectASelectorUnderAnSlo() {
    String text =
        SLOS.replace(
            "        rrule: FREQ=WEEKLY;BYDAY=SU;BYHOUR=2\n",
            "        rrule: FREQ=WEEKLY;BYDAY=SU;BYHOUR=2\n        service: shop\n");
    assertThat(problems(text))
        .singleElement()
        .asString()
        .contains("slos[0].corrections[0].service: \"service\" is not a known field");
  }
}
