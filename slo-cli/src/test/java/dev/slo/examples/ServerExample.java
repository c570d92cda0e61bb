package dev.slo.examples;

import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.server.EventSinks;
import dev.slo.server.SloServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The README's slo-server example, compiled and run by ReadmeExamplesTest. */
final class ServerExample {
  private ServerExample() {}

  static String run(String specYaml, EventSource source, Path eventsFile) throws Exception {
    // README:server:start
    SloServer server =
        SloServer.builder()
            .slos(SpecParser.parse("slos.yaml", specYaml).slos())
            .source(source) // any EventSource: in memory, PrometheusSource, JdbcStore
            .port(0) // 0: any free port
            .interval(Duration.ofSeconds(30))
            .sink(EventSinks.file(eventsFile)) // also EventSinks.webhook, .alertmanager
            .build()
            .start();
    try {
      server.evaluateNow();
      HttpResponse<String> status =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + "/api/v1/slos/checkout-availability/status"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return status.body();
    } finally {
      server.close(); // graceful: finishes the pass in flight, flushes the sinks
    }
    // README:server:end
  }
}
