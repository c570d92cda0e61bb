package dev.slo.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slo.core.InvalidInputException;
import dev.slo.core.correction.Correction;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.spec.SpecProblem;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.NotFoundException;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloStore;
import dev.slo.core.window.Window;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The correction routes of {@link SloApi}: create and list an SLO's budget corrections, delete one
 * by id. Bodies are read by the spec's correction reader, so the fields, rules and messages are
 * those of a {@code corrections:} entry in a spec. Thread-safe; no state.
 */
final class CorrectionRoutes {
  /** The path of one correction, before its id. */
  static final String PREFIX = "/api/v1/corrections/";

  /** The end of the listed range when end_time is not given. */
  private static final Instant OPEN_END = Instant.parse("9999-12-31T23:59:59Z");

  private CorrectionRoutes() {}

  /** {@code POST /api/v1/slos/{slo_id}/corrections}: 201 with the stored correction. */
  static Exchange.Response create(
      Exchange x, SloStore store, Monitor monitor, Access access, String sloId) {
    access.write(x);
    SloApi.params(x);
    store.slos().get(sloId).orElseThrow(() -> ApiException.unknownSlo(sloId));
    SloApi.json(x);
    Correction c;
    try {
      c =
          SpecParser.parseCorrection(
              "request body",
              new String(x.body(), StandardCharsets.UTF_8),
              store.slos().list(SloFilter.ALL),
              sloId,
              UUID.randomUUID().toString());
    } catch (SpecException e) {
      SpecProblem first = e.problems().get(0);
      String message =
          e.problems().stream()
              .map(q -> (q.field().isEmpty() ? "" : q.field() + ": ") + q.message())
              .collect(Collectors.joining("; "));
      throw new ApiException(
          400, "invalid_field", message, first.field().isEmpty() ? null : first.field(), Map.of());
    }
    Correction stored;
    try {
      stored = store.corrections().create(c);
    } catch (ConflictException e) {
      throw new ApiException(409, "conflict", Objects.requireNonNull(e.getMessage(), "message"));
    } catch (NotFoundException e) {
      throw new ApiException(404, "not_found", Objects.requireNonNull(e.getMessage(), "message"));
    } catch (InvalidInputException e) { // e.g. a start PostgreSQL cannot keep to the nanosecond
      throw new ApiException(
          400, "invalid_field", Objects.requireNonNull(e.getMessage(), "message"));
    } catch (UnsupportedOperationException e) {
      throw new ApiException(
          501, "not_implemented", Objects.requireNonNull(e.getMessage(), "message"));
    }
    monitor.requestEvaluation();
    return new Exchange.Response(
        201,
        Exchange.Response.JSON,
        ApiJson.bytes(ApiJson.correction(stored)),
        Map.of("Location", PREFIX + stored.id()));
  }

  /**
   * {@code GET /api/v1/slos/{slo_id}/corrections}: the stored corrections that apply to the SLO and
   * have an occurrence overlapping {@code [start_time, end_time]}, by start then id.
   */
  static Exchange.Response list(Exchange x, SloStore store, String sloId) {
    SloApi.params(x, "start_time", "end_time");
    Slo slo = store.slos().get(sloId).orElseThrow(() -> ApiException.unknownSlo(sloId));
    Instant start = SloApi.instant(x, "start_time", Instant.EPOCH);
    Instant end = SloApi.instant(x, "end_time", OPEN_END);
    if (start.isAfter(end)) {
      throw ApiException.badField(
          "start_time", x.param("start_time") + " is after end_time " + x.param("end_time"));
    }
    // a correction covers (start, end]; one ending exactly at start_time is not listed
    Window range = new Window(start, end);
    ArrayNode out = StatusJson.MAPPER.createArrayNode();
    for (Correction c : store.corrections().list()) {
      if (c.appliesTo(slo) && overlaps(c, range)) {
        out.add(ApiJson.correction(c));
      }
    }
    return Exchange.Response.json(200, ApiJson.bytes(out));
  }

  /** {@code DELETE /api/v1/corrections/{id}}: 204, or 404 when no correction has the id. */
  static Exchange.Response delete(
      Exchange x, SloStore store, Monitor monitor, Access access, String id) {
    access.write(x);
    SloApi.params(x);
    if (!store.corrections().delete(id)) {
      throw new ApiException(404, "not_found", "\"" + id + "\" is not a stored correction id");
    }
    monitor.requestEvaluation();
    return new Exchange.Response(204, Exchange.Response.JSON, new byte[0], Map.of());
  }

  private static boolean overlaps(Correction c, Window range) {
    if (!c.start().isBefore(range.end())) {
      return false;
    }
    try {
      return !c.occurrences(range).isEmpty();
    } catch (InvalidInputException e) {
      return true; // more occurrences in the range than are expanded: it certainly overlaps
    }
  }
}
