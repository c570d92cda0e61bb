package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

class SpecParserProblemsTest {
  private static final String ONE =
      """
      slos:
        - slo_id: checkout
          slo_name: Checkout
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99.95
          time_period: CALENDAR_MONTH
          time_zone: Europe/Berlin
          no_data: bad
          status_thresholds:
            warning_budget_remaining: 0.5
            critical_budget_remaining: 0.2
      """;

  private static List<SpecProblem> problems(String text) {
    return catchThrowableOfType(SpecException.class, () -> SpecParser.parse("s.yaml", text))
        .problems();
  }

  private static String slo(String extra) {
    return """
        slos:
          - slo_id: a
            slo_name: A
            service_name: svc
            slo_type: LATENCY
            target_percentage: 99
            time_period: ROLLING_7D
        """
        + extra;
  }

  @Test
  void shouldParseEveryFieldFromYaml() {
    Slo s = SpecParser.parse("s.yaml", ONE).slos().get(0);
    assertThat(s.sloId()).isEqualTo("checkout");
    assertThat(s.targetPercentage()).isEqualTo(99.95);
    assertThat(s.errorBudgetRatio()).isEqualByComparingTo("0.0005");
    assertThat(s.timePeriod()).isEqualTo(TimePeriod.CALENDAR_MONTH);
    assertThat(s.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(s.noData()).isEqualTo(NoDataPolicy.BAD);
    assertThat(s.thresholds().warningBelow()).isEqualTo(0.5);
    assertThat(s.enabled()).isTrue();
    assertThat(s.budgetingMethod()).isEqualTo(BudgetingMethod.OCCURRENCES);
  }

  @Test
  void shouldParseTheSameSpecFromJson() {
    String json =
        """
        {"slos": [{"slo_id": "a", "slo_name": "A", "service_name": "s", "slo_type": "custom",
          "target_percentage": 95, "time_period": "rolling_1h", "enabled": false,
          "budgeting_method": "TIMESLICES", "timeslice_length": "1m",
          "timeslice_target_percentage": 90}]}
        """;
    Slo s = SpecParser.parse("s.json", json).slos().get(0);
    assertThat(s.sloType()).isEqualTo(SloType.CUSTOM);
    assertThat(s.enabled()).isFalse();
    assertThat(s.timesliceLength()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.timesliceTargetPercentage()).isEqualTo(90.0);
  }

  @Test
  void shouldNameFileLineAndFieldOfEveryProblem() {
    List<SpecProblem> p =
        problems(
            """
            slos:
              - slo_id: ok
                slo_name: A
                service_name: svc
                slo_type: SPEEDY
                target_percentage: 99
                time_period: ROLLING_2X
                time_zone: Mars/Olympus
                colour: red
            """);
    assertThat(p)
        .extracting(SpecProblem::toString)
        .containsExactly(
            "s.yaml:5: slos[0].slo_type: \"SPEEDY\" is not a valid slo_type; valid values:"
                + " AVAILABILITY, LATENCY, THROUGHPUT, ERROR_RATE, CUSTOM",
            "s.yaml:7: slos[0].time_period: \"ROLLING_2X\" is not a valid time_period; valid values:"
                + " ROLLING_1H, ROLLING_24H, ROLLING_7D, ROLLING_30D, CALENDAR_MONTH, CALENDAR_QUARTER,"
                + " ROLLING_<length> such as ROLLING_28D or ROLLING_12H, CALENDAR_WEEK,"
                + " CALENDAR_WEEK_<day> such as CALENDAR_WEEK_SUNDAY, CALENDAR_YEAR",
            "s.yaml:8: slos[0].time_zone: \"Mars/Olympus\" is not a valid time_zone; use an IANA"
                + " name such as UTC, Europe/Berlin or America/New_York",
            "s.yaml:9: slos[0].colour: \"colour\" is not a known field; known fields: alert_tiers,"
                + " bad_counter, bad_query, budgeting_method, composite, corrections, description, enabled,"
                + " good_counter, good_query, group_by, latency, max_groups, min_events, no_data, service_name,"
                + " sli_query, slo_id, slo_name, slo_type, status_on, status_thresholds,"
                + " target_percentage, time_period, time_zone, timeslice_length,"
                + " timeslice_target_percentage, total_counter, total_query, week_start");
  }

  @Test
  void shouldRefuseATargetOf100AndSayWhy() {
    List<SpecProblem> p =
        problems(slo("").replace("target_percentage: 99", "target_percentage: 100"));
    assertThat(p).hasSize(1);
    assertThat(p.get(0).line()).isEqualTo(6);
    assertThat(p.get(0).field()).isEqualTo("slos[0].target_percentage");
    assertThat(p.get(0).message())
        .startsWith("100 is not a valid target_percentage: 100 leaves no error budget");
    assertThat(
            problems(slo("").replace("target_percentage: 99", "target_percentage: 0"))
                .get(0)
                .message())
        .startsWith("0 is not a valid target_percentage");
    assertThat(
            problems(slo("").replace("target_percentage: 99", "target_percentage: high"))
                .get(0)
                .message())
        .isEqualTo("\"high\" is not a number");
  }

  @Test
  void shouldRefuseBadIdsNamesAndDuplicates() {
    assertThat(problems(slo("").replace("slo_id: a", "slo_id: Has Space")).get(0).message())
        .startsWith("\"Has Space\" is not a valid slo_id");
    assertThat(
            problems(slo("").replace("slo_name: A", "slo_name: " + "n".repeat(201))).get(0).field())
        .isEqualTo("slos[0].slo_name");
    assertThat(
            problems(slo("").replace("service_name: svc", "service_name: " + "s".repeat(101)))
                .get(0)
                .field())
        .isEqualTo("slos[0].service_name");
    String twice = slo("") + slo("").replace("slos:\n", "");
    List<SpecProblem> dup = problems(twice);
    assertThat(dup).hasSize(1);
    assertThat(dup.get(0).toString())
        .isEqualTo(
            "s.yaml:8: slos[1].slo_id: \"a\" is a duplicate slo_id; first defined on line 2");
  }

  @Test
  void shouldRequireFieldsAndTimesliceSettings() {
    List<SpecProblem> p = problems("slos:\n  - slo_id: a\n");
    assertThat(p)
        .extracting(SpecProblem::field)
        .contains(
            "slos[0].slo_name",
            "slos[0].service_name",
            "slos[0].slo_type",
            "slos[0].target_percentage",
            "slos[0].time_period");
    assertThat(problems(slo("    budgeting_method: TIMESLICES\n")).get(0).message())
        .startsWith("timeslice_length is missing");
    assertThat(problems(slo("    timeslice_length: 5m\n")).get(0).message())
        .contains("only apply to budgeting_method TIMESLICES");
    assertThat(
            problems(
                    slo(
                        "    budgeting_method: TIMESLICES\n    timeslice_length: five\n    timeslice_target_percentage: 9\n"))
                .get(0)
                .message())
        .startsWith("\"five\" is not a duration");
  }

  @Test
  void shouldReportSyntaxErrorsWithTheLine() {
    List<SpecProblem> p = problems("slos:\n  - slo_id: a\n   bad: [\n");
    assertThat(p).hasSize(1);
    assertThat(p.get(0).line()).isPositive();
    assertThat(p.get(0).message()).startsWith("not valid YAML");
    assertThatThrownBy(() -> SpecParser.parse("s.json", "{\"slos\": [}"))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("s.json:1: not valid JSON");
    assertThat(problems("").get(0).message()).contains("empty");
    assertThat(problems("slos: 3").get(0).message()).isEqualTo("a number is not a list of SLOs");
    assertThat(problems("slo: []").get(0).message()).startsWith("\"slo\" is not a known field");
  }

  @Test
  void shouldParseMetricsServerSliFields() {
    Slo s =
        SpecParser.parse(
                "s.yaml",
                slo(
                    "    latency: {histogram: http_duration_seconds, threshold: 0.3, selector: '{job=\"a\"}'}\n"))
            .slos()
            .get(0);
    assertThat(s.sli().latency().threshold()).isEqualTo(0.3);
    Slo c =
        SpecParser.parse(
                "s.yaml",
                slo("    bad_counter: 'errors_total'\n    total_counter: requests_total\n"))
            .slos()
            .get(0);
    assertThat(c.sli().badCounter()).isEqualTo("errors_total");
    assertThat(problems(slo("    bad_counter: errors_total\n")).get(0).message())
        .startsWith("total_counter is missing");
    assertThat(
            problems(slo("    bad_counter: e\n    total_counter: t\n    good_query: q\n"))
                .get(0)
                .message())
        .startsWith("an SLO takes one SLI kind");
  }

  @Test
  void shouldParseOneSloForAnApiRequest() {
    Slo s =
        SpecParser.parseSlo(
            "request",
            "{\"slo_id\": \"x\", \"slo_name\": \"X\", \"service_name\": \"s\", \"slo_type\": \"AVAILABILITY\", \"target_percentage\": 99.9, \"time_period\": \"ROLLING_30D\"}");
    assertThat(s.sloId()).isEqualTo("x");
    assertThatThrownBy(() -> SpecParser.parseSlo("request", "{\"slo_id\": \"x\"}"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("slo_name: slo_name is required");
  }
}
