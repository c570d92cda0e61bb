package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cross-site writes, media types, read tokens and anonymous writes on a public address. */
@Timeout(60)
class AccessTest {
  private static final String SLO =
      "{\"slo_id\": \"new\", \"slo_name\": \"New\", \"service_name\": \"s\", \"slo_type\":"
          + " \"AVAILABILITY\", \"target_percentage\": 99, \"time_period\": \"ROLLING_7D\"}";

  private static String post(int port, String headers, String body) {
    return RawHttp.exchange(
        port,
        "POST /api/v1/slos HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nConnection: close\r\n"
            + headers
            + "Content-Length: "
            + body.length()
            + "\r\n\r\n"
            + body);
  }

  @Test
  void shouldRefuseAWriteThatIsNotJson() {
    try (Harness h = new Harness()) {
      String r = post(h.server.port(), "Content-Type: text/plain\r\n", SLO);
      assertThat(RawHttp.status(r)).as(r).isEqualTo(415);
      assertThat(RawHttp.body(r)).contains("\"error\":\"unsupported_media_type\"");
      assertThat(RawHttp.status(post(h.server.port(), "", SLO))).isEqualTo(415);
      assertThat(h.store.slos().get("new")).isEmpty();
      String ok = post(h.server.port(), "Content-Type: application/json; charset=utf-8\r\n", SLO);
      assertThat(RawHttp.status(ok)).as(ok).isEqualTo(201);
    }
  }

  @Test
  void shouldRefuseACrossOriginWriteUnlessTheOriginIsAllowed() {
    try (Harness h = new Harness()) {
      int port = h.server.port();
      String json = "Content-Type: application/json\r\n";
      String evil = post(port, json + "Origin: http://evil.example\r\n", SLO);
      assertThat(RawHttp.status(evil)).as(evil).isEqualTo(403);
      assertThat(RawHttp.body(evil)).contains("\"error\":\"cross_origin\"");
      assertThat(RawHttp.status(post(port, "Content-Type: text/plain\r\nOrigin: null\r\n", SLO)))
          .isEqualTo(403);
      assertThat(h.store.slos().get("new")).isEmpty();
      // DNS rebinding: a page's own name pointed at this server; same origin by name only
      String rebound =
          RawHttp.exchange(
              port,
              "POST /api/v1/slos HTTP/1.1\r\nHost: evil.example:"
                  + port
                  + "\r\nOrigin: http://evil.example:"
                  + port
                  + "\r\nConnection: close\r\n"
                  + json
                  + "Content-Length: "
                  + SLO.length()
                  + "\r\n\r\n"
                  + SLO);
      assertThat(RawHttp.status(rebound)).as(rebound).isEqualTo(403);
      String same = post(port, json + "Origin: http://127.0.0.1:" + port + "\r\n", SLO);
      assertThat(RawHttp.status(same)).as(same).isEqualTo(201);
    }
    try (Harness h = new Harness(c -> c, b -> b.allowOrigins(List.of("https://dash.example")))) {
      int port = h.server.port();
      String pre =
          RawHttp.exchange(
              port,
              "OPTIONS /api/v1/slos HTTP/1.1\r\nHost: x\r\nOrigin: https://dash.example\r\n"
                  + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
      assertThat(RawHttp.status(pre)).as(pre).isEqualTo(204);
      assertThat(pre)
          .contains("Access-Control-Allow-Origin: https://dash.example")
          .contains("Access-Control-Allow-Headers: Authorization, Content-Type");
      String ok =
          post(port, "Content-Type: application/json\r\nOrigin: https://dash.example\r\n", SLO);
      assertThat(RawHttp.status(ok)).as(ok).isEqualTo(201);
      assertThat(ok).contains("Access-Control-Allow-Origin: https://dash.example");
      String other =
          post(port, "Content-Type: application/json\r\nOrigin: https://other.example\r\n", SLO);
      assertThat(RawHttp.status(other)).isEqualTo(403);
    }
  }

  @Test
  void shouldRequireTheReadTokenOnReadsButNotOnProbes() {
    try (Harness h =
        new Harness(c -> Harness.with(c, "w", null, null, null), b -> b.readToken("r"))) {
      h.server.evaluateNow();
      assertThat(h.get("/api/v1/slos").statusCode()).isEqualTo(401);
      assertThat(h.get("/metrics").statusCode()).isEqualTo(401);
      assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(h.get("/readyz").statusCode()).isEqualTo(200);
      for (String token : new String[] {"r", "w"}) {
        assertThat(
                h.send(
                        java.net.http.HttpRequest.newBuilder(h.uri("/api/v1/slos"))
                            .header("Authorization", "Bearer " + token)
                            .build())
                    .statusCode())
            .isEqualTo(200);
      }
      assertThat(h.post("/api/v1/slos", SLO, "r").statusCode())
          .as("read token writes")
          .isEqualTo(401);
      assertThat(h.post("/api/v1/slos", SLO, "w").statusCode()).isEqualTo(201);
    }
  }

  @Test
  void shouldRefuseAnonymousWritesOnANonLoopbackAddressUnlessAllowed() {
    List<Slo> slos = SpecParser.parse("test.yaml", Harness.SPEC).slos();
    InetSocketAddress any = new InetSocketAddress("0.0.0.0", 0);
    assertThatThrownBy(
            () -> SloServer.builder().slos(slos).source(new ScriptedSource()).bind(any).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("0.0.0.0 is not a loopback address")
        .hasMessageContaining("--allow-anonymous-writes");
    StringWriter log = new StringWriter();
    try (SloServer s =
        SloServer.builder()
            .slos(slos)
            .source(new ScriptedSource())
            .bind(any)
            .allowAnonymousWrites(true)
            .log(new PrintWriter(log, true))
            .build()) {
      assertThat(s.port()).isPositive();
      assertThat(log.toString()).contains("warning: writes are open without a token on 0.0.0.0");
    }
    StringWriter quiet = new StringWriter();
    try (SloServer s =
        SloServer.builder()
            .slos(slos)
            .source(new ScriptedSource())
            .bind(any)
            .token("t")
            .log(new PrintWriter(quiet, true))
            .build()) {
      assertThat(s.port()).isPositive();
      assertThat(quiet.toString()).doesNotContain("warning");
    }
  }
}
