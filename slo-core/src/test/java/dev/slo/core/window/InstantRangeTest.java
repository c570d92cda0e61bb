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
}
