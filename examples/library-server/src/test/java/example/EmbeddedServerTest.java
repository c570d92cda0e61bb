package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventSeries;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.server.SloServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service that depends on slo-server alone starts the API over an in-memory source. */
class EmbeddedServerTest {
  @Test
  void startsAServerFromCode() throws Exception {
    Instant now = Instant.parse("2026-11-20T12:00:00Z");
    Slo slo =
        Slo.builder()
            .sloId("api")
            .sloName("API")
            .serviceName("api")
            .sloType(SloType.AVAILABILITY)
            .targetPercentage(99)
            .timePeriod(TimePeriod.ROLLING_24H)
            .build();
    EventSeries.Builder events = EventSeries.builder(1440);
    for (int m = 1439; m >= 0; m--) {
      events.add(now.minus(Duration.ofMinutes(m)), 995, 1000);
    }
    try (SloServer server =
        SloServer.builder()
            .slos(List.of(slo))
            .source(new InMemoryEventSource(Map.of("api", events.build())))
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .port(0)
            .schedule(false)
            .build()
            .start()) {
      server.evaluateNow();
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + server.port() + "/api/v1/slos/api/status"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"current_sli\":99.5"), r.body());
    }
  }
}
