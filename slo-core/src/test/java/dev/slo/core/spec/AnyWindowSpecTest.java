package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.Slo;
import dev.slo.core.model.TimePeriod;
import java.time.DayOfWeek;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Spec fields of the any-window work: lengths, week_start, RATIO_TIMESLICES, apiVersion. */
class AnyWindowSpecTest {
  private static final String HEAD =
      """
      apiVersion: slo.dev/v1
      slos:
        - slo_id: a
          slo_name: A
          service_name: s
          slo_type: AVAILABILITY
          target_percentage: 99.9
      """;

  private static Slo parse(String extra) {
    return SpecParser.parse("s.yaml", HEAD + extra).slos().get(0);
  }

  private static String problem(String text) {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> SpecParser.parse("s.yaml", text));
    assertThat(e).isNotNull();
    return e.problems().get(0).toString();
  }

  @Test
  void shouldReadAnyRollingLengthAndCalendarWeeksAndYears() {
    assertThat(parse("    time_period: 28d\n").timePeriod())
        .isEqualTo(TimePeriod.rolling(Duration.ofDays(28)));
    assertThat(parse("    time_period: ROLLING_90D\n").timePeriod().rollingLength())
        .isEqualTo(Duration.ofDays(90));
    assertThat(parse("    time_period: CALENDAR_YEAR\n").timePeriod())
        .isEqualTo(TimePeriod.CALENDAR_YEAR);
    Slo week = parse("    time_period: CALENDAR_WEEK\n    week_start: sunday\n");
    assertThat(week.timePeriod().weekStart()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(week.timePeriod().name()).isEqualTo("CALENDAR_WEEK_SUNDAY");
    assertThat(parse("    time_period: CALENDAR_WEEK\n").timePeriod().weekStart())
        .isEqualTo(DayOfWeek.MONDAY);
  }

  @Test
  void shouldReadRatioTimeslicesWithoutASliceTarget() {
    Slo s =
        parse(
            "    time_period: 7d\n    budgeting_method: RATIO_TIMESLICES\n    timeslice_length: 5m\n");
    assertThat(s.budgetingMethod()).isEqualTo(BudgetingMethod.RATIO_TIMESLICES);
    assertThat(s.timesliceTargetPercentage()).isNull();
  }

  @Test
  void shouldRefuseAWeekStartOutsideWeeksAndAnUnknownDayAndApiVersion() {
    assertThat(problem(HEAD + "    time_period: 30d\n    week_start: MONDAY\n"))
        .isEqualTo(
            "s.yaml:9: slos[0].week_start: \"MONDAY\" is not valid here: week_start only applies to time_period CALENDAR_WEEK");
    assertThat(problem(HEAD + "    time_period: CALENDAR_WEEK\n    week_start: Funday\n"))
        .isEqualTo(
            "s.yaml:9: slos[0].week_start: \"Funday\" is not a valid week_start; use a day name such as MONDAY");
    assertThat(problem(HEAD.replace("slo.dev/v1", "slo.dev/v2") + "    time_period: 30d\n"))
        .isEqualTo(
            "s.yaml:1: apiVersion: \"slo.dev/v2\" is not this format's apiVersion; use slo.dev/v1 or leave it out");
  }
}
