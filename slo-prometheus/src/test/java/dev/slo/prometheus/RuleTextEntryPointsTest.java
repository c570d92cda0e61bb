package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.spec.Spec;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.window.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

  @Test
  void shouldWriteRulesForASpecWarningOfSlosLeftOutFirst() {
    Spec spec =
        SpecParser.parse(
            "s.yaml",
            SPEC
                + """
                  - slo_id: fileonly
                    slo_name: From a file
                    service_name: api
                    slo_type: AVAILABILITY
                    target_percentage: 99
                    time_period: ROLLING_7D
                """);
    List<String> warnings = new ArrayList<>();
    String rules =
        RuleGenerator.forSpec(
            spec, "s.yaml", List.of("api=page_1h_5m"), null, Clock.systemUTC(), warnings::add);
    assertThat(warnings).singleElement().asString().startsWith("fileonly");
    assertThat(rules).contains("slo_id: \"api\"").doesNotContain("fileonly");
    assertThat(rules)
        .isEqualTo(
            RuleGenerator.generate(
                PrometheusSlos.select(spec.enabled(), w -> {}),
                TierSelection.parse(List.of("api=page_1h_5m"), spec, "s.yaml")));
  }

  @Test
  void shouldNameABadHorizonBeforeBadTiersAndReadTheClockOnlyForAHorizon() {
    Spec spec = SpecParser.parse("s.yaml", SPEC);
    Clock noClock = Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC);
    assertThatThrownBy(
            () -> RuleGenerator.forSpec(spec, "s.yaml", List.of("x"), "soon", noClock, w -> {}))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("horizon"));
    assertThatThrownBy(
            () -> RuleGenerator.forSpec(spec, "s.yaml", List.of("x"), "90d", noClock, w -> {}))
        .isInstanceOf(ValidationException.class)
        .hasMessage("x: not SLO_ID=TIER[,TIER]")
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("tiers"));
  }
}
