package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slo.core.alert.AlertPolicy;
import dev.slo.core.alert.AlertTier;
import dev.slo.core.eval.FiringAlert;
import dev.slo.core.json.StatusJson;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.InMemoryStore;
import dev.slo.core.store.OutboxEvent;
import dev.slo.core.store.Shards;
import dev.slo.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The monitor's outbox path and its sender, on an outbox in memory. */
class OutboxTest {
  private final MutableClock clock = new MutableClock(Harness.START);
  private final StringWriter log = new StringWriter();
  private final MemoryOutbox outbox = new MemoryOutbox();
  private final InMemoryStore store = new InMemoryStore(clock);
  private final ScriptedSource source = new ScriptedSource();

  @Test
  void shouldRoundTripFiringTiersThroughTheSavedState() {
    AlertTier tier = AlertPolicy.tiersFor(Duration.ofDays(30)).get(0);
    Map<String, AlertState> alerts =
        Map.of(
            tier.name(),
            new AlertState(
                new FiringAlert(tier, Double.POSITIVE_INFINITY, 14.5), Harness.START, 2));
    assertThat(Outbox.alerts(Outbox.state(alerts))).isEqualTo(alerts);
    assertThat(Outbox.alerts("")).isEmpty();
    assertThat(Outbox.alerts("{\"alerts\":[{\"tier\":1}]}")).isEmpty();
  }

  @Test
  void shouldCommitEventsWithTheirStatusAndNotEmitAgainWhenAnotherMonitorResumes()
      throws Exception {
    Monitor a = monitor(new RecordingSink());
    a.evaluateNow();
    assertThat(outbox.snapshots).containsOnlyKeys("api", "web");
    assertThat(outbox.all()).hasSize(2); // the first evaluation of each SLO
    // a second replica (or a restart) takes over: it resumes the saved state, emits nothing
    Monitor b = monitor(new RecordingSink());
    clock.advance(Duration.ofMinutes(1));
    b.evaluateNow();
    assertThat(outbox.all()).hasSize(2);
    // a real change is emitted once, by the replica that evaluates it
    source.burn();
    clock.advance(Duration.ofMinutes(1));
    b.evaluateNow();
    assertThat(outbox.all()).hasSize(4);
    JsonNode event = StatusJson.MAPPER.readTree(outbox.all().get(2).event.body());
    assertThat(event.get("event_id").asText()).isEqualTo(outbox.all().get(2).event.eventId());
    assertThat(event.path("slo_status_update").path("status").asText()).isNotEqualTo("HEALTHY");
  }

  @Test
  void shouldEmitAChangeAgainAtTheNextPassWhenItsCommitFailedOrWasRefused() {
    Monitor m = monitor(new RecordingSink());
    outbox.failNextCommit = true;
    m.evaluateNow();
    assertThat(outbox.all()).isEmpty();
    assertThat(m.snapshot("api")).isEmpty(); // put back: nothing was saved
    outbox.refuse = Set.of("web"); // as if its shard had been lost meanwhile
    clock.advance(Duration.ofMinutes(1));
    m.evaluateNow();
    assertThat(outbox.all()).extracting(r -> r.event.sloId()).containsExactly("api");
    assertThat(m.snapshot("web")).isEmpty();
    outbox.refuse = Set.of();
    clock.advance(Duration.ofMinutes(1));
    m.evaluateNow();
    assertThat(outbox.all()).extracting(r -> r.event.sloId()).containsExactly("api", "web");
    assertThat(log.toString()).contains("cannot save the pass's statuses and events");
  }

  @Test
  void shouldDeliverToDurableSinksOnceRetryWithBackoffAndAbandonARefusal() {
    RecordingSink sink = new RecordingSink();
    OutboxSender sender =
        new OutboxSender(
            outbox,
            List.of(sink),
            Shards::all,
            clock,
            new PrintWriter(log, true),
            OutboxSender.Limits.DEFAULT);
    outbox.commit(List.of(), List.of(event("e1", "api"), event("e2", "web")));
    sink.failures.add(new DeliveryException("HTTP 503", true));
    assertThat(sender.sendDue()).isEqualTo(1); // e1 failed, e2 delivered
    assertThat(sink.delivered).containsExactly("e2");
    assertThat(sender.sendDue()).isZero(); // e1 waits for its backoff
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).isEqualTo(1);
    assertThat(sink.delivered).containsExactly("e2", "e1");
    clock.advance(Duration.ofHours(1));
    assertThat(sender.sendDue()).isZero(); // delivered events are never sent again
    outbox.commit(List.of(), List.of(event("e3", "api")));
    sink.failures.add(new DeliveryException("HTTP 400", false));
    sender.sendDue();
    assertThat(outbox.rows.get(uuid("e3")).abandonedAt).isNotNull();
    assertThat(sender.abandoned()).isEqualTo(1);
    assertThat(OutboxSender.backoff(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(OutboxSender.backoff(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(OutboxSender.backoff(40)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void shouldOnlySendTheEventsOfOwnedShards() {
    RecordingSink sink = new RecordingSink();
    OutboxSender sender =
        new OutboxSender(
            outbox,
            List.of(sink),
            () -> Set.of(Shards.of("api")),
            clock,
            new PrintWriter(log, true),
            OutboxSender.Limits.DEFAULT);
    outbox.commit(List.of(), List.of(event("e1", "api"), event("e2", "web")));
    sender.sendDue();
    assertThat(sink.delivered).containsExactly("e1");
  }

  @Test
  void shouldAnswerReadsFromTheSavedSnapshotAndMarkItStaleAfterTwoIntervals() throws Exception {
    Monitor writer = monitor(new RecordingSink());
    writer.evaluateNow();
    Monitor reader = monitor(new RecordingSink()); // has evaluated nothing itself
    Snapshot fresh =
        SharedReads.snapshot(reader, store.slos().get("api").orElseThrow(), clock.instant())
            .orElseThrow();
    JsonNode status = StatusJson.MAPPER.readTree(fresh.statusJson());
    assertThat(status.get("slo_id").asText()).isEqualTo("api");
    assertThat(status.get("stale").asBoolean()).isFalse();
    assertThat(status.has("snapshot_age_seconds")).isFalse();
    Instant later = clock.instant().plus(Duration.ofMinutes(2)).plusSeconds(1); // interval 1m
    Snapshot old =
        SharedReads.snapshot(reader, store.slos().get("api").orElseThrow(), later).orElseThrow();
    JsonNode aged = StatusJson.MAPPER.readTree(old.budgetJson());
    assertThat(aged.get("stale").asBoolean()).isTrue();
    assertThat(aged.get("snapshot_age_seconds").asLong()).isEqualTo(121);
    assertThat(aged.get("source_error").asText()).startsWith("the snapshot is 121s old");
  }

  @Test
  void shouldExposeTheEvaluationLagOfEveryOwnedShardAndTheOutboxCounters() {
    Monitor m =
        Monitor.builder()
            .store(store)
            .slos(SpecParser.parse("spec.yaml", Harness.SPEC).slos())
            .source(source)
            .outbox(outbox)
            .fleet(new dev.slo.core.store.SingleReplicaFleet("solo"))
            .clock(clock)
            .log(new PrintWriter(log, true))
            .build();
    assertThat(FleetStatus.lagAndOutbox(m)).doesNotContain("lag_seconds{");
    m.evaluateNow();
    String text = FleetStatus.lagAndOutbox(m);
    assertThat(text.lines().filter(l -> l.startsWith("slo_fleet_shard_evaluation_lag_seconds{")))
        .hasSize(Shards.COUNT);
    assertThat(text)
        .contains("slo_outbox_delivered_total 0")
        .contains("slo_outbox_abandoned_total 0");
    assertThat(m.shardsEvaluatedAt()).hasSize(Shards.COUNT).containsValue(Harness.START);
  }

  @Test
  void shouldKeepPublishingStraightToTheSinksWithoutAnOutbox() {
    RecordingSink sink = new RecordingSink();
    Monitor m =
        Monitor.builder()
            .store(store)
            .slos(SpecParser.parse("spec.yaml", Harness.SPEC).slos())
            .source(source)
            .sink(sink)
            .clock(clock)
            .log(new PrintWriter(log, true))
            .build();
    m.evaluateNow();
    assertThat(sink.published).isEqualTo(2);
    assertThat(sink.delivered).isEmpty();
  }

  private static String uuid(String name) {
    return java.util.UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private OutboxEvent event(String name, String sloId) {
    return OutboxEvent.of(uuid(name), sloId, "{\"event_id\":\"" + name + "\"}", clock.instant());
  }

  private Monitor monitor(EventSink sink) {
    return Monitor.builder()
        .store(store)
        .slos(SpecParser.parse("spec.yaml", Harness.SPEC).slos())
        .source(source)
        .sink(sink)
        .outbox(outbox)
        .interval(Duration.ofMinutes(1))
        .clock(clock)
        .log(new PrintWriter(log, true))
        .build();
  }

  /** A durable sink that records deliveries by the body's event_id, failing as scripted. */
  static final class RecordingSink implements EventSink {
    final List<String> delivered = new ArrayList<>();
    final List<DeliveryException> failures = new ArrayList<>();
    int published;

    @Override
    public synchronized void publish(Notice notice) {
      published++;
    }

    @Override
    public boolean durable() {
      return true;
    }

    @Override
    public synchronized void deliver(byte[] event) {
      if (!failures.isEmpty()) {
        throw failures.remove(0);
      }
      try {
        delivered.add(StatusJson.MAPPER.readTree(event).get("event_id").asText());
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void close(Instant deadline) {}
  }
}
