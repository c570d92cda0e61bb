package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** slo convert names a grouped SLO when the target format cannot hold group_by. */
class GroupedConvertCliTest {
  @TempDir Path dir;

  static final String GROUPED =
      """
      apiVersion: slo.dev/v1
      slos:
        - slo_id: shop-checkout
          slo_name: checkout
          service_name: shop
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: 30d
          group_by: [route]
          bad_counter: http_requests_total{job="shop",code=~"5.."}
          total_counter: http_requests_total{job="shop"}
      """;

  static final String PYRRA =
      """
      apiVersion: pyrra.dev/v1alpha1
      kind: ServiceLevelObjective
      metadata:
        name: api-errors
        namespace: shop
      spec:
        target: "99.5"
        window: 2w
        indicator:
          ratio:
            errors:
              metric: http_requests_total{job="api",code=~"5.."}
            total:
              metric: http_requests_total{job="api"}
            grouping: [tenant, route]
      """;

  @Test
  void shouldWarnNamingTheGroupedSloForSlothAndRefuseUnderStrict() throws Exception {
    Path spec = Fixtures.write(dir, "grouped.yaml", GROUPED);

    CliRun loose = CliRun.of("convert", "--to", "sloth", spec.toString());
    CliRun strict = CliRun.of("convert", "--to", "sloth", "--strict", spec.toString());

    assertThat(loose.code()).as(loose.err()).isZero();
    assertThat(loose.err())
        .contains(
            "slo: warning: shop-checkout: group_by: dropped: [route]: Sloth has no per-label SLOs;"
                + " it evaluates one SLO over all groups together\n");
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err())
        .contains("--strict: 3 fields were dropped or approximated; nothing written");
  }

  @Test
  void shouldWarnNamingTheGroupedSloForOpenSloAndRefuseUnderStrict() throws Exception {
    Path spec = Fixtures.write(dir, "grouped.yaml", GROUPED);

    CliRun loose = CliRun.of("convert", "--to", "openslo", spec.toString());
    CliRun strict = CliRun.of("convert", "--to", "openslo", "--strict", spec.toString());

    assertThat(loose.code()).as(loose.err()).isZero();
    assertThat(loose.err()).startsWith("slo: warning: shop-checkout: group_by: approximated:");
    assertThat(loose.out()).contains("slo.dev/group-by: route");
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.out()).isEmpty();
  }

  @Test
  void shouldReadPyrraGroupingAsGroupByInNativeOutput() throws Exception {
    Path spec = Fixtures.write(dir, "pyrra.yaml", PYRRA);

    CliRun c = CliRun.of("convert", "--to", "native", spec.toString());

    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.err()).isEmpty();
    assertThat(c.out()).contains("group_by:\n  - tenant\n  - route");
  }
}
