package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.slo.core.InvalidInputException;
import dev.slo.core.ValidationException;
import dev.slo.core.store.SharedStore;
import dev.slo.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StoreOnDemandIT {
  /** A store whose URL a test sets, as a command line's option would. */
  private static final class Given extends StoreOnDemand {
    @Nullable String url;

    Given(@Nullable String url) {
      this.url = url;
    }

    @Override
    protected @Nullable String jdbcUrl() {
      return url;
    }
  }

  @Test
  void shouldOpenNothingUntilTheStoreIsAskedFor() {
    Given g = new Given("jdbc:postgresql://127.0.0.1:1/none");
    assertThat(g.use(() -> "no database needed")).isEqualTo("no database needed");
    assertThat(g.isOpen()).isFalse();
  }

  @Test
  void shouldRefuseAMissingUrlAsAnEmptyOne() {
    Throwable empty = catchThrowable(() -> JdbcStore.open(""));
    assertThat(empty).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Given(null).store())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(empty.getMessage());
  }

  @Test
  void shouldKeepOneStoreForAUnitOfWorkAndCloseItAfterEvenWhenTheWorkFails() {
    Given g = new Given(TestDatabase.freshSchema("slo_clitrim_on_demand"));
    List<JdbcStore> seen = new ArrayList<>();
    g.use(
        () -> {
          seen.add(g.store());
          seen.add(g.store());
          return null;
        });
    assertThat(seen.get(0)).isSameAs(seen.get(1));
    assertThat(g.isOpen()).isFalse();
    assertThatThrownBy(
            () ->
                g.use(
                    () -> {
                      seen.add(g.store());
                      throw new IllegalStateException("work failed");
                    }))
        .hasMessage("work failed");
    assertThat(g.isOpen()).isFalse();
    assertThat(seen.get(2)).isNotSameAs(seen.get(0));
  }

  @Test
  void shouldGiveAServerTheStoreItsFleetAndItsUpkeep() throws Exception {
    try (JdbcStore store = JdbcStore.open(TestDatabase.freshSchema("slo_clitrim_shared"))) {
      SharedStore shared = new JdbcSharedStore(store);
      assertThat(shared.store()).isSameAs(store);
      assertThat(shared.eventSource()).isNotNull();
      SharedStore.Membership m = shared.join("replica-a", Duration.ofMinutes(1));
      assertThat(m.fleet()).isInstanceOf(JdbcFleet.class);
      assertThat(m.fleet().replicaId()).isEqualTo("replica-a");
      assertThat(m.outbox()).isInstanceOf(JdbcOutbox.class);
      m.fleet().close();
      try (AutoCloseable upkeep = shared.upkeep(Clock.systemUTC(), "1h", line -> {})) {
        assertThat(upkeep).isInstanceOf(MaintenanceSchedule.class);
      }
      assertThatThrownBy(() -> shared.upkeep(Clock.systemUTC(), "soon", line -> {}))
          .isInstanceOf(ValidationException.class)
          .satisfies(
              e -> assertThat(((ValidationException) e).field()).isEqualTo("maintain_every"));
    }
  }
}
