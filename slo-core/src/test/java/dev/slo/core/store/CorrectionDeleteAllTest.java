package dev.slo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.spec.SpecParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CorrectionRepository#deleteAll}: in order, stopping at the first id not held. */
class CorrectionDeleteAllTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  private final InMemoryStore store = new InMemoryStore(Clock.systemUTC());

  private CorrectionRepository repo(String... ids) {
    store
        .slos()
        .create(
            SpecParser.parseSlo(
                "test",
                "{\"slo_id\": \"api\", \"slo_name\": \"API\", \"service_name\": \"shop\","
                    + " \"slo_type\": \"AVAILABILITY\", \"target_percentage\": 99.9,"
                    + " \"time_period\": \"ROLLING_30D\"}"));
    CorrectionRepository repo = store.corrections();
    for (String id : ids) {
      repo.create(
          new Correction(
              id, CorrectionScope.slo("api"), T, Duration.ofHours(1), null, null, null, null));
    }
    return repo;
  }

  @Test
  void shouldDeleteEachIdInOrderAndTellEachOnceGone() {
    CorrectionRepository repo = repo("a", "b", "c");
    List<String> told = new ArrayList<>();
    repo.deleteAll(List.of("c", "a"), "memory", told::add);
    assertThat(told).containsExactly("c", "a");
    assertThat(repo.list()).extracting(Correction::id).containsExactly("b");
  }

  @Test
  void shouldStopAtTheFirstIdNotHeldNamingItAndTheStore() {
    CorrectionRepository repo = repo("a", "b");
    List<String> told = new ArrayList<>();
    assertThatThrownBy(() -> repo.deleteAll(List.of("a", "x", "b"), "memory", told::add))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("x: no such correction in memory");
    assertThat(told).containsExactly("a");
    assertThat(repo.list()).extracting(Correction::id).containsExactly("b");
  }
}
