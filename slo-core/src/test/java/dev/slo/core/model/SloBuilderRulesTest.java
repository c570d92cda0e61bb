package dev.slo.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder and a spec file refuse the same things, with the same messages and fields. */
class SloBuilderRulesTest {
  private static Slo.Builder complete() {
    return Slo.builder()
        .sloId("api")
        .sloName("API")
        .serviceName("api")
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99.9)
        .timePeriod(TimePeriod.ROLLING_30D);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "slo_id",
        "slo_name",
        "service_name",
        "slo_type",
        "target_percentage",
        "time_period"
      })
  void shouldRequireEveryFieldASpecRequires(String field) {
    Slo.Builder b = complete();
    switch (field) {
      case "slo_id" -> b.sloId(null);
      case "slo_name" -> b.sloName(null);
      case "service_name" -> b.serviceName(null);
      case "slo_type" -> b.sloType(null);
      case "target_percentage" -> b.targetPercentage(Double.NaN);
      default -> b.timePeriod(null);
    }
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isNull();
            })
        .hasMessage(field + " is required");
    String spec =
        java.util.stream.Stream.of(
                "\"slo_id\": \"api\"",
                "\"slo_name\": \"API\"",
                "\"service_name\": \"api\"",
                "\"slo_type\": \"AVAILABILITY\"",
                "\"target_percentage\": 99.9",
                "\"time_period\": \"ROLLING_30D\"")
            .filter(kv -> !kv.startsWith("\"" + field + "\""))
            .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
    assertThatThrownBy(() -> SpecParser.parseSlo("body", spec))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(field + ": " + field + " is required");
  }

  @Test
  void shouldRefuseATargetOf100WithTheSameMessageAsASpec() {
    assertThatThrownBy(() -> complete().targetPercentage(100).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("100 is not a valid target_percentage: 100 leaves no error budget");
    assertThatThrownBy(
            () ->
                SpecParser.parseSlo(
                    "body",
                    "{\"slo_id\": \"api\", \"slo_name\": \"API\", \"service_name\": \"api\","
                        + " \"slo_type\": \"AVAILABILITY\", \"target_percentage\": 100,"
                        + " \"time_period\": \"ROLLING_30D\"}"))
        .hasMessageContaining(
            "target_percentage: 100 is not a valid target_percentage: 100 leaves no error budget");
  }

  @Test
  void shouldNameTheFieldOfABadThresholdAndLatency() {
    assertThatThrownBy(() -> new StatusThresholds(0.1, 0.2))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("warning_budget_remaining"));
    assertThatThrownBy(() -> new LatencySli("h", -1, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("latency.threshold"));
  }
}
