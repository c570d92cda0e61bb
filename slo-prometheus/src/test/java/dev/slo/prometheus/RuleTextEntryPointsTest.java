package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.spec.SpecException;
import dev.slo.core.window.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text entry points of rule generation: the horizon, the compat flavour, specs from files. */
class RuleTextEntryPointsTest {
  @TempDir Path dir;

  private static final String SPEC =
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
      """;

  @Test
  void shouldStartTheHorizonNowAndLastTheLengthGiven() {
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    assertThat(RuleGenerator.horizon(now, "90d"))
        .isEqualTo(new Window(now, now.plus(Duration.ofDays(90))));
  }

  @Test
  void shouldRefuseAHorizonThatIsNotADurationNamingTheField() {
    assertThatThrownBy(() -> RuleGenerator.horizon(Instant.EPOCH, "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("\"x\" is not a duration; use a number and a unit, like 30s, 5m, 1h or 7d")
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("horizon"));
  }

  @Test
  void shouldAcceptSlothInAnyCaseAndRefuseOtherFlavoursLeadingWithTheValue() {
    assertThat(SlothSpecRules.requireFlavour(" Sloth ")).isEqualTo("sloth");
    assertThatThrownBy(() -> SlothSpecRules.requireFlavour("foo"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("foo: not a known flavour; use sloth")
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("compat"));
  }

  @Test
  void shouldWriteSlothRulesForSpecFilesWithAWarningPerSloLeftOut() throws Exception {
    Path spec = Files.writeString(dir.resolve("slos.yaml"), SPEC);
    List<String> warnings = new ArrayList<>();
    String rules = SlothSpecRules.fromFiles(List.of(spec), warnings::add);
    assertThat(rules).contains("sloth_id: \"api\"").doesNotContain("monthly");
    assertThat(warnings)
        .containsExactly(
            "monthly: skipped, CALENDAR_MONTH has no Sloth equivalent (Sloth periods are rolling)");
  }

  @Test
  void shouldRefuseSpecFilesWithErrorsBeforeWritingRules() throws Exception {
    Path spec = Files.writeString(dir.resolve("bad.yaml"), "slos:\n  - slo_id: x\n");
    assertThatThrownBy(() -> SlothSpecRules.fromFiles(List.of(spec), w -> {}))
        .isInstanceOf(SpecException.class);
  }
}
