package dev.slo.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link InstantRange}: 1970 to 2262 inclusive, nothing outside. */
class InstantRangeTest {
  @Test
  void shouldAcceptBothEnds() {
    assertThat(InstantRange.require(InstantRange.EARLIEST)).isEqualTo(InstantRange.EARLIEST);
    assertThat(InstantRange.require(InstantRange.LATEST)).isEqualTo(InstantRange.LATEST);
  }

  @Test
  void shouldRefuseAnInstantJustOutsideEitherEnd() {
    assertThatThrownBy(() -> InstantRange.require(InstantRange.EARLIEST.minusNanos(1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "the instant 1969-12-31T23:59:59.999999999Z is out of range; use one from"
                + " 1970-01-01T00:00:00Z to 2262-01-01T00:00:00Z");
    assertThatThrownBy(() -> InstantRange.require(Instant.parse("2262-01-01T00:00:01Z")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("the instant 2262-01-01T00:00:01Z is out of range");
  }

  @Test
  void shouldParseIsoWithOffsetAndEpochSecondsWithDecimals() {
    assertThat(InstantRange.parse(" 2026-11-01T01:00:00+01:00 "))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(InstantRange.parse("1.5")).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
  }

  @Test
  void shouldRefuseTextThatIsNoInstantAndAnInstantOutOfRange() {
    for (String bad : new String[] {"yesterday", "2026-11-01T00:00:00", "1e3", ""}) {
      assertThatThrownBy(() -> InstantRange.parse(bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(
              "not a valid instant; use ISO-8601 with an offset (2026-11-01T00:00:00Z) or epoch"
                  + " seconds");
    }
    assertThatThrownBy(() -> InstantRange.parse("-1"))
        .hasMessageStartingWith("the instant 1969-12-31T23:59:59Z is out of range");
  }
}
