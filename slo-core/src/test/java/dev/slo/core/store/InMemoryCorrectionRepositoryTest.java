package dev.slo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.spec.SpecParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryCorrectionRepositoryTest {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  private final InMemoryStore store = new InMemoryStore(Clock.systemUTC());

  private static Correction correction(String id, CorrectionScope scope, Instant start) {
    return new Correction(id, scope, start, Duration.ofHours(1), null, null, null, null);
  }

  private void api() {
    store
        .slos()
        .create(
            SpecParser.parseSlo(
                "test",
                "{\"slo_id\": \"api\", \"slo_name\": \"API\", \"service_name\": \"shop\","
                    + " \"slo_type\": \"AVAILABILITY\", \"target_percentage\": 99.9,"
                    + " \"time_period\": \"ROLLING_30D\"}"));
  }

  @Test
  void shouldKeepCorrectionsByStartThenIdAndDeleteThem() {
    api();
    CorrectionRepository repo = store.corrections();
    repo.create(correction("b", CorrectionScope.slo("api"), T));
    repo.create(correction("a", CorrectionScope.service("shop"), T));
    repo.create(correction("early", CorrectionScope.slo("api"), T.minusSeconds(60)));
    assertThat(repo.list()).extracting(Correction::id).containsExactly("early", "a", "b");
    assertThat(repo.find("a")).isPresent();
    assertThat(repo.delete("a")).isTrue();
    assertThat(repo.delete("a")).isFalse();
    assertThat(repo.find("a")).isEmpty();
    assertThat(repo.list()).extracting(Correction::id).containsExactly("early", "b");
  }

  @Test
  void shouldRefuseUnknownSlosAndServicesAndDuplicateIds() {
    api();
    CorrectionRepository repo = store.corrections();
    assertThatThrownBy(
            () -> repo.create(correction("x", CorrectionScope.slos(Set.of("api", "nope")), T)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("\"nope\" is not a stored slo_id");
    assertThatThrownBy(() -> repo.create(correction("x", CorrectionScope.service("web"), T)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("\"web\"");
    repo.create(correction("x", CorrectionScope.slo("api"), T));
    assertThatThrownBy(() -> repo.create(correction("x", CorrectionScope.slo("api"), T)))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("\"x\"");
    assertThat(repo.list()).hasSize(1);
  }

  @Test
  void shouldKeepNoneInAStoreWithoutCorrections() {
    SloStore bare =
        new SloStore() {
          @Override
          public SloRepository slos() {
            return store.slos();
          }

          @Override
          public AlertRuleRepository alertRules() {
            return store.alertRules();
          }

          @Override
          public SliHistory history() {
            return store.history();
          }
        };
    assertThat(bare.corrections().list()).isEmpty();
    assertThat(bare.corrections().delete("x")).isFalse();
    assertThatThrownBy(
            () -> bare.corrections().create(correction("x", CorrectionScope.slo("api"), T)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("\"x\" cannot be stored");
  }
}
