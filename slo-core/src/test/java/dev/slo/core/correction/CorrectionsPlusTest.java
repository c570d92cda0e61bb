package dev.slo.core.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Corrections#plus}: corrections from a spec and from a store, in that order. */
class CorrectionsPlusTest {
  private static Correction correction(String id) {
    return new Correction(
        id,
        CorrectionScope.slo("s"),
        Instant.parse("2026-11-20T10:00:00Z"),
        Duration.ofHours(1),
        null,
        null,
        null,
        null);
  }

  @Test
  void shouldKeepTheseFirstAndAppendTheOthersInOrder() {
    Corrections spec = new Corrections(List.of(correction("a")));
    assertThat(spec.plus(List.of(correction("c"), correction("b"))).all())
        .extracting(Correction::id)
        .containsExactly("a", "c", "b");
    assertThat(spec.all()).hasSize(1);
  }

  @Test
  void shouldBeTheSameCorrectionsWhenNothingIsAdded() {
    Corrections spec = new Corrections(List.of(correction("a")));
    assertThat(spec.plus(List.of())).isSameAs(spec);
    assertThat(Corrections.NONE.plus(List.of(correction("x"))).all()).hasSize(1);
  }
}
