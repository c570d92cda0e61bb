package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.spec.SpecProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid files are refused with the format's own field path, file and line. */
class InvalidSpecsTest {

  private static List<String> errors(String name) {
    SpecLoader.Result r = Fixtures.load(name);
    assertThat(r.slos()).isEmpty();
    return r.problems().errors().stream()
        .map(SpecProblem::toString)
        .map(s -> s.replaceFirst("^.*/fixtures/invalid/", ""))
        .toList();
  }

  @Test
  void shouldNameOpenSloFieldPathsForABadTargetMethodAndReference() {
    assertThat(errors("invalid/openslo-target-too-big.yaml"))
        .containsExactly(
            "openslo-target-too-big.yaml:7: spec.indicatorRef: \"missing-sli\" is not a known SLI;"
                + " define a SLI with that metadata.name in one of the files given",
            "openslo-target-too-big.yaml:11: spec.budgetingMethod: \"Sometimes\" is not a valid"
                + " budgetingMethod; use Occurrences, Timeslices or RatioTimeslices",
            "openslo-target-too-big.yaml:13: spec.objectives[0].target: 1.2 is not between 0 and 1"
                + " (exclusive); write 0.999 for 99.9%");
  }

  @Test
  void shouldRefuseAnUnsupportedCalendarWindowABadZoneAndAnUnknownField() {
    assertThat(errors("invalid/openslo-calendar-2d.yaml"))
        .containsExactly(
            "openslo-calendar-2d.yaml:26: spec.timeWindow[0].calendar.timeZone: \"Mars/Base\" is"
                + " not a valid timeZone; use an IANA name such as Europe/Berlin",
            "openslo-calendar-2d.yaml:30: spec.objectives[0].colour: \"colour\" is not a known"
                + " field here; known fields: compositeWeight, displayName, indicator,"
                + " indicatorRef, labels, name, op, sli, sliRef, target, targetPercent,"
                + " timeSliceTarget, timeSliceWindow, value");
  }

  @Test
  void shouldRefuseASlothObjectiveAbove100AndAMissingTotalQuery() {
    assertThat(errors("invalid/sloth-bad-objective.yaml"))
        .containsExactly(
            "sloth-bad-objective.yaml:5: slos[0].objective: 100.5 is not between 0 and 100"
                + " (exclusive); Sloth objectives are percentages, like 99.9",
            "sloth-bad-objective.yaml:8: slos[0].sli.events: \"total_query\" is missing at"
                + " slos[0].sli.events.total_query");
  }

  @Test
  void shouldReportAPyrraRatioOrSlothEventsThatIsNotAMappingInsteadOfFailing() {
    assertThat(errors("invalid/pyrra-ratio-not-a-mapping.yaml"))
        .singleElement()
        .asString()
        .startsWith("pyrra-ratio-not-a-mapping.yaml:9: spec.indicator.ratio: ")
        .endsWith("is not valid here; expected a mapping");
    assertThat(errors("invalid/sloth-events-not-a-mapping.yaml"))
        .singleElement()
        .asString()
        .startsWith("sloth-events-not-a-mapping.yaml:7: slos[0].sli.events: ")
        .endsWith("is not valid here; expected a mapping");
  }

  @Test
  void shouldRefuseAPyrraTargetWindowAndNonSelectorMetric() {
    assertThat(errors("invalid/pyrra-bad.yaml"))
        .containsExactly(
            "pyrra-bad.yaml:6: spec.target: \"ninety\" is not a number",
            "pyrra-bad.yaml:7: spec.window: \"4x\" is not a duration; use a number and a unit,"
                + " like 30s, 5m, 1h or 7d",
            "pyrra-bad.yaml:11: spec.indicator.ratio.errors.metric: \"sum(rate(x[5m]))\" is not a"
                + " metric selector; Pyrra takes a counter such as http_requests_total{job=\"api\"}");
  }

  @Test
  void shouldRefuseAnUnknownFormatListingTheKnownOnes() {
    assertThat(errors("invalid/unknown-format.yaml"))
        .containsExactly(
            "unknown-format.yaml:1: apiVersion: \"example.com/v9\" is not a format slo reads;"
                + " known: slo.dev/v1, openslo/v1, openslo/v1alpha, openslo.com/v2alpha,"
                + " prometheus/v1, sloth.slok.dev/v1, pyrra.dev/v1alpha1");
  }

  @Test
  void shouldRefuseAPyrraGroupingThatIsNotDistinctLabelNames() {
    assertThat(errors("invalid/pyrra-grouping-map.yaml"))
        .containsExactly(
            "pyrra-grouping-map.yaml:15: spec.indicator.ratio.grouping: a mapping is not a label"
                + " name; write one like route");
    assertThat(errors("invalid/pyrra-grouping-twice.yaml"))
        .containsExactly(
            "pyrra-grouping-twice.yaml:15: spec.indicator.ratio.grouping: \"route\" is not a valid"
                + " group_by: it is listed twice");
  }
}
