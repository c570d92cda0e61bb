package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.CorrectionRepository;
import dev.slo.core.store.NotFoundException;
import dev.slo.testing.OwnDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** slo_corrections round-trips every field; ids are unique; scopes must name stored SLOs. */
class CorrectionRepositoryIT {
  private static JdbcStore store;

  @BeforeAll
  static void open() {
    store = JdbcStore.open(OwnDatabase.fresh("slo_corr_repo"), Map.of());
    store.slos().create(Rows.slo("a", "shop"));
    store.slos().create(Rows.slo("b", "shop"));
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void shouldRoundTripCreateListFindDelete() {
    CorrectionRepository repo = store.corrections();
    Correction weekly =
        new Correction(
            "sunday",
            CorrectionScope.slos(Set.of("b", "a")),
            Instant.parse("2026-03-01T07:00:00.123456Z"),
            Duration.ofHours(2).plusNanos(1),
            ZoneId.of("America/New_York"),
            CorrectionCategory.SCHEDULED_MAINTENANCE,
            "Weekly database maintenance",
            Recurrence.parse("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2"));
    Correction deploy =
        new Correction(
            "deploy-1",
            CorrectionScope.service("shop"),
            Instant.parse("2026-02-01T10:00:00Z"),
            Duration.ofMinutes(30),
            null,
            CorrectionCategory.DEPLOYMENT,
            null,
            null);
    assertThat(repo.create(weekly)).isEqualTo(weekly);
    repo.create(deploy);
    assertThat(repo.list()).containsExactly(deploy, weekly);
    assertThat(repo.find("sunday")).contains(weekly);
    assertThatThrownBy(() -> repo.create(weekly))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("\"sunday\" is not a new correction id");
    assertThat(repo.delete("deploy-1")).isTrue();
    assertThat(repo.delete("deploy-1")).isFalse();
    assertThat(repo.find("deploy-1")).isEmpty();
    assertThat(repo.delete("sunday")).isTrue();
  }

  @Test
  void shouldRefuseScopesOfUnknownSlosAndServices() {
    CorrectionRepository repo = store.corrections();
    Instant t = Instant.parse("2026-02-01T10:00:00Z");
    assertThatThrownBy(
            () ->
                repo.create(
                    new Correction(
                        "x",
                        CorrectionScope.slos(Set.of("a", "nope")),
                        t,
                        Duration.ofMinutes(1),
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("\"nope\" is not a stored slo_id");
    assertThatThrownBy(
            () ->
                repo.create(
                    new Correction(
                        "y",
                        CorrectionScope.service("elsewhere"),
                        t,
                        Duration.ofMinutes(1),
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("\"elsewhere\" is not the service_name of any stored SLO");
    assertThat(repo.find("x")).isEmpty();
  }
}
