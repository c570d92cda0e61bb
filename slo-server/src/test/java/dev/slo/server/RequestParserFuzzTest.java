package dev.slo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.store.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Fuzz targets for the REST request handling. Under {@code mvn verify} each runs once per input in
 * its committed corpus ({@code RequestParserFuzzTestInputs/<method>/} in the test resources, every
 * crash found so far included); {@code benchmarks/fuzz.sh RequestParserFuzzTest 10m} fuzzes longer.
 *
 * <p>Invariants: a request head is parsed, found incomplete, or refused with an {@link
 * ApiException} of 400, 411, 413 or 431 whose message is one short line without control characters;
 * a parsed request is answered by the API with a status below 500 (no store failure here); nothing
 * else is thrown, and no input takes long.
 */
class RequestParserFuzzTest {
  private static final long MAX_MILLIS = 10_000;
  private static final Set<Integer> PARSE_STATUSES = Set.of(400, 411, 413, 431);
  private static final SloApi API;

  static {
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    InMemoryStore store = new InMemoryStore(clock, 1000);
    Monitor monitor =
        Monitor.builder()
            .source(new ScriptedSource())
            .store(store)
            .clock(clock)
            .slos(SpecParser.parse("fuzz.yaml", Harness.SPEC).slos())
            .build();
    monitor.evaluateNow();
    API =
        new SloApi(
            store, monitor, new ExporterExposition(), clock, Access.open(), SloServer.openApi());
    // load (and under the fuzzer, instrument) the classes before any input is timed
    handle("GET /api/v1/slos/api/status?x=%41 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
  }

  /** The request line and headers alone. */
  @FuzzTest(maxDuration = "10m")
  void requestHead(byte[] input) {
    long t0 = System.nanoTime();
    try {
      RequestParser.Head h = RequestParser.parse(input, input.length, 16 * 1024, 64 * 1024);
      if (h != null) {
        assertThat(h.headEnd()).isBetween(4, input.length);
        assertThat(h.contentLength()).isBetween(0, 64 * 1024);
        assertThat(h.path()).startsWith("/");
      }
    } catch (ApiException e) {
      refusal(e, PARSE_STATUSES);
    }
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(MAX_MILLIS);
  }

  /** A whole request through the parser, the query decoder and the API's routes. */
  @FuzzTest(maxDuration = "10m")
  void request(byte[] input) {
    long t0 = System.nanoTime();
    handle(input);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(MAX_MILLIS);
  }

  private static void handle(byte[] input) {
    RequestParser.Head h;
    try {
      h = RequestParser.parse(input, input.length, 16 * 1024, 64 * 1024);
    } catch (ApiException e) {
      refusal(e, PARSE_STATUSES);
      return;
    }
    if (h == null) {
      return;
    }
    int end = Math.min(input.length, h.headEnd() + h.contentLength());
    byte[] body = java.util.Arrays.copyOfRange(input, h.headEnd(), end);
    try {
      Exchange x =
          new Exchange(
              h.method().toUpperCase(java.util.Locale.ROOT),
              h.path(),
              ApiServer.query(h.rawQuery()),
              h.headers(),
              body);
      Exchange.Response r = API.handle(x);
      assertThat(r.status()).isBetween(200, 299);
    } catch (ApiException e) {
      assertThat(e.status()).isBetween(400, 499);
      wellFormed(e.getMessage());
    }
  }

  private static void refusal(ApiException e, Set<Integer> statuses) {
    assertThat(statuses).contains(e.status());
    wellFormed(e.getMessage());
  }

  private static void wellFormed(String message) {
    assertThat(message).isNotBlank().hasSizeLessThan(1_000);
    assertThat(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f))
        .as("control character in %s", message)
        .isTrue();
  }
}
