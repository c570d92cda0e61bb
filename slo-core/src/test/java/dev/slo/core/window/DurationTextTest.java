package dev.slo.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Prometheus-style durations, and time to exhaustion printed in whole minutes. */
class DurationTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"30s, PT30S", "5m, PT5M", "1h30m, PT1H30M", "3d, PT72H", "2w, PT336H", "1d2h, PT26H"})
  void shouldParseDurations(String text, Duration expected) {
    assertThat(DurationText.parse(text)).isEqualTo(expected);
  }

  @Test
  void shouldRefuseDurationsThatOverflowOrExceedAHundredYears() {
    for (String text :
        new String[] {"9223372036854775807d", "99999999999999999999w", "1317624576693539401w"}) {
      assertThatThrownBy(() -> DurationText.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("\"" + text + "\" is too long a duration; use at most 36500d");
    }
    assertThatThrownBy(() -> DurationText.parse("36501d"))
        .hasMessageContaining("too long a duration");
    org.assertj.core.api.Assertions.assertThat(DurationText.parse("36500d"))
        .isEqualTo(java.time.Duration.ofDays(36_500));
  }

  @Test
  void shouldRefuseBadDurationsNamingTheText() {
    assertThatThrownBy(() -> DurationText.parse("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("\"5 minutes\"");
    assertThatThrownBy(() -> DurationText.parse("0m")).hasMessageContaining("zero");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PT5M, 5m", "PT1H, 1h", "PT72H, 3d", "PT26H, 1d2h", "PT90S, 1m30s", "PT0S, 0s"})
  void shouldFormatWindowLengths(Duration d, String expected) {
    assertThat(DurationText.format(d)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "PT86H24M, 3d14h24m",
    "PT86H24M59.999S, 3d14h24m",
    "PT12H, 12h",
    "PT42S, 42s",
    "PT0S, 0s",
    "PT-1S, 0s"
  })
  void shouldPrintTimeToExhaustionInWholeMinutes(Duration d, String expected) {
    assertThat(DurationText.formatMinutes(d)).isEqualTo(expected);
  }

  @Test
  void shouldNameTheSettingWhenRefusingItsDuration() {
    assertThat(DurationText.parse("horizon", "90d")).isEqualTo(Duration.ofDays(90));
    assertThatThrownBy(() -> DurationText.parse("horizon", "soon"))
        .isInstanceOfSatisfying(
            dev.slo.core.ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("horizon");
              assertThat(e.value()).isEqualTo("soon");
            })
        .hasMessage("\"soon\" is not a duration; use a number and a unit, like 30s, 5m, 1h or 7d");
  }
}
