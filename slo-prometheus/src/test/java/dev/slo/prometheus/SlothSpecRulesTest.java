package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.interop.SpecLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SlothSpecRules}: which SLOs get Sloth-compatible rules, and a Sloth file's settings. */
class SlothSpecRulesTest {
  private static final String SLOTH =
      """
      version: prometheus/v1
      service: shop
      labels:
        owner: team-a
      slos:
        - name: search
          objective: 99.5
          sli:
            events:
              error_query: sum(rate(search_errors_total[{{.window}}]))
              total_query: sum(rate(search_total[{{.window}}]))
          alerting:
            name: SearchErrors
            page_alert:
              labels:
                severity: critical
            ticket_alert:
              disable: true
      """;

  private static final String NATIVE =
      """
      slos:
        - slo_id: api
          slo_name: API
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
          good_counter: ok_total
          total_counter: all_total
        - slo_id: monthly
          slo_name: Monthly
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: CALENDAR_MONTH
          good_counter: ok_total
          total_counter: all_total
        - slo_id: fileonly
          slo_name: From a file
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
        - slo_id: off
          slo_name: Disabled
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99
          time_period: ROLLING_7D
          enabled: false
      """;

  private final List<String> warnings = new ArrayList<>();

  private String rules(String text) {
    SpecLoader.Result r = SpecLoader.read(Map.of("spec.yaml", text));
    assertThat(r.problems().hasErrors()).as(r.problems().toString()).isFalse();
    return SlothSpecRules.generate(r.loaded(), warnings::add);
  }

  @Test
  void shouldKeepTheSlothFilesServiceLabelsAndAlertSettings() {
    String rules = rules(SLOTH);
    assertThat(warnings).isEmpty();
    assertThat(rules)
        .contains("- record: slo:sli_error:ratio_rate5m")
        .contains("sloth_service: \"shop\"")
        .contains("sloth_slo: \"search\"")
        .contains("owner: \"team-a\"")
        .contains("alert: \"SearchErrors\"")
        .contains("severity: \"critical\"")
        .doesNotContain("sloth_severity: \"ticket\"");
  }

  @Test
  void shouldSkipWhatSlothCannotExpressWithOneWarningEachAndDisabledSlosSilently() {
    String rules = rules(NATIVE);
    assertThat(warnings)
        .containsExactly(
            "monthly: skipped, CALENDAR_MONTH has no Sloth equivalent (Sloth periods are rolling)",
            "fileonly: skipped, no Prometheus SLI");
    assertThat(rules).contains("sloth_id: \"api\"").doesNotContain("monthly").doesNotContain("off");
  }

  @Test
  void shouldWriteALatencySloMatchingItsBucketHoweverTheBoundIsPrinted() {
    String rules =
        rules(
            """
            slos:
              - slo_id: lat
                slo_name: Latency
                service_name: f
                slo_type: LATENCY
                target_percentage: 99
                time_period: ROLLING_30D
                latency:
                  histogram: http_request_duration_seconds
                  threshold: 0.5
                  selector: '{service="f"}'
            """);
    assertThat(warnings).isEmpty();
    assertThat(rules)
        .contains("sloth_id: \"lat\"")
        .contains("http_request_duration_seconds_bucket{")
        .contains("le=~\\\"0")
        .contains("http_request_duration_seconds_count{");
  }
}
