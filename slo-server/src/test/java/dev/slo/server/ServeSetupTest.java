package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.ValidationException;
import dev.slo.core.correction.Corrections;
import dev.slo.core.source.EventSource;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.SharedStore;
import dev.slo.core.store.SingleReplicaFleet;
import dev.slo.core.store.SloStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeSetupTest {
  @TempDir Path dir;
  private final StringWriter log = new StringWriter();

  private ServeSetup setup() {
    return new ServeSetup(
            SpecParser.parse("test.yaml", Harness.SPEC).slos(),
            Corrections.NONE,
            Clock.systemUTC(),
            new PrintWriter(log, true))
        .listen("127.0.0.1", 0, null);
  }

  private Path data() throws Exception {
    return Files.writeString(
        dir.resolve("events.csv"), "timestamp,slo_id,good_events,total_events\n");
  }

  private static void refused(ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(ValidationException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
  }

  /** A shared store in memory that records what the setup asked of it. */
  private static final class MemoryShared implements SharedStore {
    final InMemoryStore store = new InMemoryStore(Clock.systemUTC());
    final List<String> calls = new ArrayList<>();
    final EventSource events = (slo, windows) -> List.of();

    @Override
    public SloStore store() {
      calls.add("store");
      return store;
    }

    @Override
    public EventSource eventSource() {
      calls.add("eventSource");
      return events;
    }

    @Override
    public Membership join(String replicaId, Duration interval) {
      calls.add("join " + interval);
      return new Membership(new SingleReplicaFleet(replicaId), new MemoryOutbox());
    }

    @Override
    public AutoCloseable upkeep(Clock clock, String every, Consumer<String> line) {
      calls.add("upkeep " + every);
      return () -> calls.add("upkeep closed");
    }
  }

  @Test
  void shouldServeADataFileOnAFreePort() throws Exception {
    try (SloServer server = setup().sources(data(), null, null).build().start()) {
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void shouldRefuseNoSourceAndTwoSources() throws Exception {
    EventSource none = (slo, windows) -> List.of();
    assertThatThrownBy(() -> setup().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no source given: use --data FILE, --prometheus URL or --jdbc URL");
    Path data = data();
    assertThatThrownBy(() -> setup().sources(data, () -> none, null).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("give one source: --data FILE or --prometheus URL, not both");
  }

  @Test
  void shouldRefuseOutboxBoundsWithoutAFleetNamingTheBoundGiven() throws Exception {
    Path data = data();
    refused(
        () -> setup().sources(data, null, null).fleet(false, "1h", 5).build(),
        "outbox_max_age",
        "needs --fleet: only a fleet sends its events through an outbox");
    refused(
        () -> setup().sources(data, null, null).fleet(false, null, 5).build(),
        "outbox_max_events",
        "needs --fleet: only a fleet sends its events through an outbox");
  }

  @Test
  void shouldRefuseAFleetWithoutASharedStoreBeforeReadingTheBounds() throws Exception {
    Path data = data();
    refused(
        () -> setup().sources(data, null, null).fleet(true, "soon", null).build(),
        "fleet",
        "needs --jdbc URL: the replicas of a fleet coordinate through PostgreSQL");
  }

  @Test
  void shouldNameTheFirstBadSettingInTheDocumentedOrder() throws Exception {
    Path data = data();
    // the interval comes before the outbox rule, which comes before the webhook
    refused(
        () ->
            setup()
                .sources(data, null, null)
                .evaluation("soon", 3)
                .fleet(false, "1h", null)
                .events(null, null, "ftp://x", null)
                .build(),
        "interval",
        "\"soon\" is not a duration; use a number and a unit, like 30s, 5m, 1h or 7d");
    refused(
        () ->
            setup()
                .sources(data, null, null)
                .fleet(false, "1h", null)
                .events(null, null, "ftp://x", null)
                .build(),
        "outbox_max_age",
        "needs --fleet: only a fleet sends its events through an outbox");
    refused(
        () -> setup().sources(data, null, null).events(null, null, "ftp://x", null).build(),
        "webhook",
        "ftp://x: use an http:// or https:// URL");
  }

  @Test
  void shouldNameTheDataFileAndTheEventsFileThatCannotBeUsed() throws Exception {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> setup().sources(missing, null, null).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("data"))
        .hasMessageStartingWith(missing.toString());
    Path events = dir.resolve("no-such-dir").resolve("events.jsonl");
    Path data = data();
    assertThatThrownBy(
            () -> setup().sources(data, null, null).events(events, null, null, null).build())
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("events_file"));
  }

  @Test
  void shouldNameTheListenAddressWhenThePortIsTaken() throws Exception {
    Path data = data();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () -> setup().sources(data, null, null).listen("127.0.0.1", port, null).build())
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("listen_address"))
          .hasMessageStartingWith("127.0.0.1:" + port + ": cannot listen: ");
    }
  }

  @Test
  void shouldReadTheSharedStoreWhenItIsTheOnlySourceAndStopItsUpkeepOnClose() throws Exception {
    MemoryShared shared = new MemoryShared();
    try (SloServer server = setup().sources(null, null, () -> shared).build().start()) {
      assertThat(server.port()).isPositive();
      assertThat(shared.calls).containsExactly("store", "eventSource", "upkeep 1h");
    }
    assertThat(shared.calls).endsWith("upkeep closed");
  }

  @Test
  void shouldJoinTheFleetAtTheIntervalAndSkipUpkeepWhenTurnedOff() throws Exception {
    MemoryShared shared = new MemoryShared();
    Path data = data();
    try (SloServer server =
        setup()
            .sources(data, null, () -> shared)
            .evaluation("30s", 3)
            .fleet(true, "2h", 10)
            .maintenance(null)
            .build()) {
      assertThat(server.port()).isPositive();
      assertThat(shared.calls).containsExactly("store", "join PT30S");
    }
  }
}
