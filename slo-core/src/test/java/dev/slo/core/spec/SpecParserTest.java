package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec files, YAML and JSON: every problem names file, line and field. */
class SpecParserTest {
  private static final String GOOD =
      """
      slos:
        - slo_id: checkout-availability
          slo_name: Checkout availability
          service_name: checkout
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: CALENDAR_MONTH
          time_zone: Europe/Berlin
          sli_query: checkout good/total
          no_data: bad
          status_thresholds:
            warning_budget_remaining: 0.4
            critical_budget_remaining: 0.2
        - slo_id: search-latency
          slo_name: Search latency
          service_name: search
          slo_type: LATENCY
          target_percentage: 99
          time_period: ROLLING_7D
          budgeting_method: TIMESLICES
          timeslice_length: 5m
          timeslice_target_percentage: 95
          enabled: false
      """;

  private static List<SpecProblem> problems(String file, String text) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> SpecParser.parse(file, text));
    assertThat(e).as("expected a SpecException").isNotNull();
    return e.problems();
  }

  private static String one(String field, String value) {
    String base =
        """
        slos:
          - slo_id: a
            slo_name: A
            service_name: s
            slo_type: AVAILABILITY
            target_percentage: 99.9
            time_period: ROLLING_30D
        """;
    if (value == null) {
      return base.replaceAll("(?m)^    " + field + ":.*\\n", "");
    }
    if (base.contains("    " + field + ":")) {
      return base.replaceAll("(?m)^(    " + field + ":).*$", "$1 " + value);
    }
    return base + "    " + field + ": " + value + "\n";
  }

  @Test
  void shouldParseEveryFieldOfAYamlSpec() {
    Spec spec = SpecParser.parse("slos.yaml", GOOD);

    assertThat(spec.slos()).hasSize(2);
    Slo a = spec.slos().get(0);
    assertThat(a.sloId()).isEqualTo("checkout-availability");
    assertThat(a.sloType()).isEqualTo(SloType.AVAILABILITY);
    assertThat(a.targetPercentage()).isEqualTo(99.9);
    assertThat(a.timePeriod()).isEqualTo(TimePeriod.CALENDAR_MONTH);
    assertThat(a.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(a.noData()).isEqualTo(NoDataPolicy.BAD);
    assertThat(a.thresholds().warningBelow()).isEqualTo(0.4);
    assertThat(a.thresholds().criticalBelow()).isEqualTo(0.2);
    assertThat(a.enabled()).isTrue();
    Slo b = spec.slos().get(1);
    assertThat(b.budgetingMethod()).isEqualTo(BudgetingMethod.TIMESLICES);
    assertThat(b.timesliceLength()).isEqualTo(Duration.ofMinutes(5));
    assertThat(b.timesliceTargetPercentage()).isEqualTo(95.0);
    assertThat(b.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(b.enabled()).isFalse();
    assertThat(spec.enabled()).containsExactly(a);
  }

  @Test
  void shouldParseTheSameSpecWrittenAsJson() {
    String json =
        """
        {"slos": [
          {"slo_id": "a", "slo_name": "A", "service_name": "s", "slo_type": "LATENCY",
           "target_percentage": 99.5, "time_period": "ROLLING_24H"}
        ]}
        """;

    Spec spec = SpecParser.parse("slos.json", json);

    assertThat(spec.slos())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sloType()).isEqualTo(SloType.LATENCY);
              assertThat(s.targetPercentage()).isEqualTo(99.5);
              assertThat(s.timePeriod()).isEqualTo(TimePeriod.ROLLING_24H);
            });
  }

  @Test
  void shouldNameFileLineAndFieldOfABadValue() {
    List<SpecProblem> p = problems("slos.yaml", one("target_percentage", "lots"));

    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.source()).isEqualTo("slos.yaml");
              assertThat(x.line()).isEqualTo(6);
              assertThat(x.field()).isEqualTo("slos[0].target_percentage");
              assertThat(x.message()).startsWith("\"lots\"");
              assertThat(x.toString()).startsWith("slos.yaml:6: slos[0].target_percentage: ");
            });
  }

  @Test
  void shouldRefuseATargetOfOneHundredAndSayWhy() {
    List<SpecProblem> p = problems("slos.yaml", one("target_percentage", "100"));

    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("slos[0].target_percentage");
              assertThat(x.line()).isEqualTo(6);
              assertThat(x.message()).startsWith("100").contains("no error budget");
            });
  }

  @Test
  void shouldRefuseTargetsOutsideZeroToOneHundred() {
    assertThat(problems("s.yaml", one("target_percentage", "0")))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("strictly between 0 and 100"));
    assertThat(problems("s.yaml", one("target_percentage", "100.5")))
        .singleElement()
        .satisfies(x -> assertThat(x.field()).isEqualTo("slos[0].target_percentage"));
  }

  @Test
  void shouldListValidChoicesForAnUnknownEnumValue() {
    List<SpecProblem> p = problems("slos.yaml", one("time_period", "ROLLING_2X"));

    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("slos[0].time_period");
              assertThat(x.line()).isEqualTo(7);
              assertThat(x.message())
                  .startsWith("\"ROLLING_2X\"")
                  .contains(
                      "ROLLING_1H, ROLLING_24H, ROLLING_7D, ROLLING_30D, CALENDAR_MONTH, CALENDAR_QUARTER");
            });
    assertThat(problems("slos.yaml", one("slo_type", "SPEED")))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .contains("AVAILABILITY, LATENCY, THROUGHPUT, ERROR_RATE, CUSTOM"));
  }

  @Test
  void shouldRefuseAnUnknownTimeZone() {
    List<SpecProblem> p = problems("slos.yaml", one("time_zone", "Mars/Olympus"));

    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("slos[0].time_zone");
              assertThat(x.line()).isEqualTo(8);
              assertThat(x.message()).startsWith("\"Mars/Olympus\"").contains("IANA");
            });
  }

  @Test
  void shouldRefuseADuplicateSloIdNamingTheFirstLine() {
    String base = one("description", "first");
    String twice = base + base.replace("slos:\n", "");

    List<SpecProblem> p = problems("slos.yaml", twice);

    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("slos[1].slo_id");
              assertThat(x.line()).isEqualTo(9);
              assertThat(x.message()).startsWith("\"a\"").contains("duplicate").contains("line 2");
            });
  }

  @Test
  void shouldReportEveryProblemInDocumentOrder() {
    String text =
        """
        slos:
          - slo_id: Bad Id
            slo_name: A
            service_name: s
            slo_type: AVAILABILITY
            target_percentage: 99.9
            time_period: ROLLING_30D
          - slo_id: b
            slo_name: B
            service_name: s
            slo_type: AVAILABILITY
            time_period: ROLLING_30D
            colour: blue
        """;

    List<SpecProblem> p = problems("x.yml", text);

    assertThat(p).extracting(SpecProblem::line).isSorted();
    assertThat(p)
        .extracting(SpecProblem::field)
        .contains("slos[0].slo_id", "slos[1].target_percentage", "slos[1].colour");
    assertThat(p)
        .filteredOn(x -> x.field().equals("slos[1].target_percentage"))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("target_percentage is required"));
    assertThat(p)
        .filteredOn(x -> x.field().equals("slos[0].slo_id"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(2);
              assertThat(x.message()).startsWith("\"Bad Id\"");
            });
  }

  @Test
  void shouldNameTheLineOfAJsonSyntaxError() {
    String json = "{\"slos\": [\n  {\"slo_id\": \"a\",\n   \"slo_name\" \"A\"}\n]}\n";

    List<SpecProblem> p = problems("slos.json", json);

    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.source()).isEqualTo("slos.json");
              assertThat(x.line()).isEqualTo(3);
              assertThat(x.message()).contains("JSON");
            });
  }

  @Test
  void shouldNameTheLineOfABadJsonField() {
    String json =
        """
        {"slos": [
          {"slo_id": "a", "slo_name": "A", "service_name": "s", "slo_type": "AVAILABILITY",
           "target_percentage": 100,
           "time_period": "ROLLING_24H"}
        ]}
        """;

    assertThat(problems("slos.json", json))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(3);
              assertThat(x.field()).isEqualTo("slos[0].target_percentage");
            });
  }

  @Test
  void shouldRefuseASpecWithoutSlos() {
    assertThat(problems("e.yaml", ""))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("slos"));
    assertThat(problems("e.yaml", "name: x\n")).extracting(SpecProblem::field).contains("slos");
    assertThat(problems("e.yaml", "slos: 3\n"))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("not a list"));
  }

  @Test
  void shouldRefuseTooLongNames() {
    assertThat(problems("s.yaml", one("slo_name", "n".repeat(201))))
        .singleElement()
        .satisfies(x -> assertThat(x.field()).isEqualTo("slos[0].slo_name"));
    assertThat(problems("s.yaml", one("service_name", "n".repeat(101))))
        .singleElement()
        .satisfies(x -> assertThat(x.field()).isEqualTo("slos[0].service_name"));
    assertThat(SpecParser.parse("s.yaml", one("slo_name", "n".repeat(200))).slos()).hasSize(1);
  }

  @Test
  void shouldRefuseABadTimesliceLength() {
    String text =
        one("budgeting_method", "TIMESLICES")
            + "    timeslice_length: fast\n"
            + "    timeslice_target_percentage: 95\n";

    assertThat(problems("s.yaml", text))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.field()).isEqualTo("slos[0].timeslice_length");
              assertThat(x.line()).isEqualTo(9);
              assertThat(x.message()).startsWith("\"fast\"");
            });
  }

  @Test
  void shouldRefuseAKeyGivenTwiceInOneSlo() {
    List<SpecProblem> p = problems("s.yaml", one("description", "x") + "    description: y\n");

    assertThat(p)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(9);
              assertThat(x.message()).contains("description");
            });
  }
}
