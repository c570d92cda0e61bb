package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link SliQueries#requireRatio}: an sli_query's good ratio must lie in [0, 1]. */
class SliQueriesRatioTest {
  private static final URI BASE = URI.create("http://prom:9090");
  private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");
  private static final Slo SLO =
      Slo.builder()
          .sloId("api")
          .sloName("API")
          .serviceName("api")
          .sloType(SloType.AVAILABILITY)
          .targetPercentage(99.9)
          .timePeriod(TimePeriod.ROLLING_30D)
          .sliQuery("sum(rate(ok[{{.window}}])) / sum(rate(all[{{.window}}]))")
          .build();

  @Test
  void shouldAcceptEveryRatioFromZeroToOne() {
    for (double r : new double[] {0, 1e-9, 0.5, 0.999, 1}) {
      assertThatCode(() -> SliQueries.requireRatio(BASE, SLO, r, AT, ""))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void shouldRefuseARatioOutsideZeroToOneNamingServerSloValueAndInstant() {
    assertThatThrownBy(() -> SliQueries.requireRatio(BASE, SLO, 1.5, AT, ""))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "http://prom:9090: api: sli_query gave 1.5 at 2026-11-20T12:00:00Z; it must be a good"
                + " ratio between 0 and 1");
    assertThatThrownBy(() -> SliQueries.requireRatio(BASE, SLO, -0.25, AT, " for each group: q"))
        .hasMessageEndingWith(
            "gave -0.25 at 2026-11-20T12:00:00Z; it must be a good ratio between"
                + " 0 and 1 for each group: q");
  }
}
