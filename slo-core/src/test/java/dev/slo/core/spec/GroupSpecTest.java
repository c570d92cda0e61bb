package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.slo.core.model.Slo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec fields group_by and max_groups, YAML and JSON. */
class GroupSpecTest {
  private static final String HEAD =
      """
      slos:
        - slo_id: a
          slo_name: A
          service_name: s
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
      """;

  private static String problem(String extra) {
    SpecException e =
        catchThrowableOfType(SpecException.class, () -> SpecParser.parse("s.yaml", HEAD + extra));
    assertThat(e).isNotNull();
    return e.problems().get(0).toString();
  }

  @Test
  void shouldReadGroupByAndMaxGroupsFromYaml() {
    Slo slo =
        SpecParser.parse("s.yaml", HEAD + "    group_by: [route, tenant]\n    max_groups: 50\n")
            .slos()
            .get(0);
    assertThat(slo.groupBy()).containsExactly("route", "tenant");
    assertThat(slo.maxGroups()).isEqualTo(50);
    assertThat(slo.isGroupTemplate()).isTrue();
  }

  @Test
  void shouldReadGroupByFromJsonAndDefaultMaxGroups() {
    Slo slo =
        SpecParser.parseSlo(
            "body",
            "{\"slo_id\":\"a\",\"slo_name\":\"A\",\"service_name\":\"s\",\"slo_type\":\"AVAILABILITY\","
                + "\"target_percentage\":99.9,\"time_period\":\"ROLLING_30D\",\"group_by\":[\"route\"]}");
    assertThat(slo.groupBy()).isEqualTo(List.of("route"));
    assertThat(slo.maxGroups()).isEqualTo(1000);
  }

  @Test
  void shouldTakeASingleLabelAsAListOfOne() {
    Slo slo = SpecParser.parse("s.yaml", HEAD + "    group_by: route\n").slos().get(0);
    assertThat(slo.groupBy()).containsExactly("route");
  }

  @Test
  void shouldReportBadGroupByWithLineAndField() {
    assertThat(problem("    group_by: [route, route]\n"))
        .isEqualTo(
            "s.yaml:8: slos[0].group_by: \"route\" is not a valid group_by: it is listed twice");
    assertThat(problem("    group_by: [\"a b\"]\n")).contains("\"a b\" is not a valid group_by");
  }

  @Test
  void shouldReportBadMaxGroups() {
    assertThat(problem("    group_by: [route]\n    max_groups: 0\n"))
        .contains("slos[0].max_groups")
        .contains("0 is not a valid max_groups: use a whole number from 1 to 100000");
    assertThat(problem("    max_groups: 2.5\n")).contains("2.5 is not a valid max_groups");
  }
}
