package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSettingsTest {
  @TempDir Path dir;

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String message) {
    return assertThatThrownBy(call)
        .isInstanceOf(ValidationException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
  }

  @Test
  void shouldRefuseEachBadValueWithItsFieldAndAMessageLeadingWithTheValue() throws Exception {
    SloServer.Builder b = SloServer.builder();
    refused(
        () -> b.interval("soon"),
        "interval",
        "\"soon\" is not a duration; use a number and a" + " unit, like 30s, 5m, 1h or 7d");
    refused(() -> b.interval("0s"), "interval", "\"0s\" is zero; a duration must be positive");
    refused(() -> b.bind("127.0.0.1", 70_000), "port", "70000: use 0 to 65535");
    refused(() -> b.port(-1), "port", "-1: use 0 to 65535");
    refused(() -> b.resolveAfter(0), "resolve_after", "0: use at least 1");
    refused(() -> b.threads(0), "threads", "0: use at least 1");
    refused(
        () -> b.timeouts("x", "30s", 10),
        "request_timeout",
        "\"x\" is not a duration; use a" + " number and a unit, like 30s, 5m, 1h or 7d");
    refused(
        () -> b.timeouts("10s", "0s", 10),
        "idle_timeout",
        "\"0s\" is zero; a duration must be" + " positive");
    refused(() -> b.timeouts("10s", "30s", 0), "max_connections", "0: use at least 1");
    refused(() -> b.webhook("ftp://x"), "webhook", "ftp://x: use an http:// or https:// URL");
    refused(() -> b.webhook("http:///p"), "webhook", "http:///p: use an http:// or https:// URL");
    refused(
        () -> b.webhook("http://"),
        "webhook",
        "http://: not a URL: Expected authority at" + " index 7: http://");
    refused(() -> b.alertmanager("x"), "alertmanager", "x: use an http:// or https:// URL");
    refused(
        () -> b.outboxBounds("soon", null),
        "outbox_max_age",
        "\"soon\" is not a duration; use" + " a number and a unit, like 30s, 5m, 1h or 7d");
    refused(
        () -> b.outboxBounds("10s", null),
        "outbox_max_age",
        "\"10s\" is not a valid" + " outbox_max_age: use 1m to 365d");
    refused(
        () -> b.outboxBounds((String) null, 0),
        "outbox_max_events",
        "0 is not a valid" + " outbox_max_events: use 1 to 100000000");
    Path empty = Files.writeString(dir.resolve("token"), " \n");
    refused(() -> b.tokenFile(empty), "token_file", empty + ": the file is empty");
  }

  @Test
  void shouldRefuseABadOriginAtBuild() {
    SloServer.Builder b =
        SloServer.builder().source(new ScriptedSource()).port(0).allowOrigins(List.of("evil"));
    refused(
        b::build,
        "allow_origin",
        "\"evil\" is not a valid allow_origin: use an origin such as"
            + " https://dash.example.com, or *");
  }

  @Test
  void shouldLeaveASettingAsItIsForAnAbsentKey() {
    SloServer.Builder b = SloServer.builder();
    assertThat(
            b.tokenFile(null)
                .readTokenFile(null)
                .webhook(null)
                .alertmanager((String) null)
                .outboxBounds((String) null, null))
        .isSameAs(b);
    try (SloServer server = b.source(new ScriptedSource()).port(0).schedule(false).build()) {
      assertThat(server.monitor()).isNotNull();
    }
  }

  @Test
  void shouldRefuseOutboxBoundsWithoutAnOutbox() {
    SloServer.Builder b =
        SloServer.builder().source(new ScriptedSource()).port(0).outboxBounds("2h", 10);
    refused(
        b::build,
        "outbox_max_age",
        "2h: outbox bounds need an outbox; only a fleet sends its events through one");
  }

  @Test
  void shouldServeWithTheSettingsGivenAsText() {
    try (SloServer server =
        SloServer.builder()
            .source(new ScriptedSource())
            .interval("90s")
            .bind("127.0.0.1", 0)
            .timeouts("5s", "1m", 3)
            .threads(1)
            .webhook("http://127.0.0.1:9/hook")
            .alertmanager("https://127.0.0.1:9")
            .schedule(false)
            .build()
            .start()) {
      assertThat(server.port()).isPositive();
      assertThat(server.monitor().interval()).isEqualTo(Duration.ofSeconds(90));
    }
  }

  @Property(tries = 200)
  void shouldTakeEveryPortInRangeAndRefuseTheRest(
      @ForAll @IntRange(min = -100_000, max = 200_000) int port) {
    SloServer.Builder b = SloServer.builder();
    if (port >= 0 && port <= 65_535) {
      assertThat(b.bind("127.0.0.1", port)).isSameAs(b);
    } else {
      refused(() -> b.bind("127.0.0.1", port), "port", port + ": use 0 to 65535");
    }
  }
}
