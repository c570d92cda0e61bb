package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.model.Composite;
import dev.slo.core.model.CompositeComponent;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A composite SLO round-trips through PostgreSQL with its exact weights. */
class CompositeStoreIT {

  @Test
  void shouldStoreAndReadACompositeWithExactWeights() {
    try (JdbcStore store =
        JdbcStore.open(TestDatabase.freshSchema("slo_composite_repo"), Map.of())) {
      Slo a =
          Slo.builder()
              .sloId("a")
              .sloName("A")
              .serviceName("a")
              .sloType(SloType.AVAILABILITY)
              .targetPercentage(99.9)
              .timePeriod(TimePeriod.ROLLING_30D)
              .build();
      Slo journey =
          a.toBuilder()
              .sloId("journey")
              .composite(
                  new Composite(
                      List.of(
                          new CompositeComponent("a", new BigDecimal("0.1")),
                          new CompositeComponent("b", new BigDecimal("1234.5678")))))
              .build();
      store.slos().create(a);
      store.slos().create(journey);

      assertThat(store.slos().get("journey")).contains(journey);
      assertThat(store.slos().get("a")).contains(a);
      assertThat(store.slos().get("a").orElseThrow().isComposite()).isFalse();
    }
  }
}
