package dev.slo.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.slo.core.SourceException;
import dev.slo.core.ValidationException;
import dev.slo.core.composite.CompositeGraph;
import dev.slo.core.composite.CompositeProblem;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.json.StatusJson;
import dev.slo.core.model.GroupId;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import dev.slo.core.spec.SpecException;
import dev.slo.core.spec.SpecParser;
import dev.slo.core.spec.SpecProblem;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloStore;
import dev.slo.core.window.Window;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The REST API of docs/openapi.json plus {@code /metrics}, {@code /healthz}, {@code /readyz} and
 * {@code /api/v1/openapi.json}. Routes, checks methods (405 with Allow), the bearer token of write
 * endpoints (401; see {@link Access}), known SLOs (404) and inputs (400 naming the field).
 * Thread-safe.
 */
final class SloApi {
  private static final String SLOS = "/api/v1/slos";

  /** The source_error of values served while the store cannot be reached. */
  static final String STORE_DOWN = "the store cannot be reached; these are the last good values";

  /** Every route, as {@code METHOD path}; docs/openapi.json documents exactly these. */
  static final List<String> ROUTES =
      List.of(
          "GET /api/v1/slos",
          "POST /api/v1/slos",
          "GET /api/v1/slos/{slo_id}/status",
          "GET /api/v1/slos/{slo_id}/error-budget",
          "GET /api/v1/slos/{slo_id}/history",
          "POST /api/v1/slos/{slo_id}/burn-rate-alert",
          "GET /api/v1/slos/{slo_id}/corrections",
          "POST /api/v1/slos/{slo_id}/corrections",
          "DELETE /api/v1/corrections/{id}",
          "GET /metrics",
          "GET /healthz",
          "GET /readyz",
          "GET /api/v1/openapi.json");

  private final SloStore store;
  private final Monitor monitor;
  private final MetricsExposition metrics;
  private final Clock clock;
  private final Access access;
  private final byte[] openApi;

  SloApi(
      SloStore store,
      Monitor monitor,
      MetricsExposition metrics,
      Clock clock,
      Access access,
      byte[] openApi) {
    this.store = store;
    this.monitor = monitor;
    this.metrics = metrics;
    this.clock = clock;
    this.access = access;
    this.openApi = openApi.clone();
  }

  Exchange.Response handle(Exchange x) {
    String p = x.path();
    if (x.method().equals("GET")) {
      access.read(x);
    }
    switch (p) {
      case "/healthz":
        allow(x, "GET");
        return Exchange.Response.json(200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
      case "/readyz":
        allow(x, "GET");
        if (!monitor.ready()) {
          throw new ApiException(503, "not_ready", "no evaluation has finished yet");
        }
        return Exchange.Response.json(200, FleetStatus.readyz(monitor));
      case "/metrics":
        allow(x, "GET");
        return new Exchange.Response(
            200, metrics.contentType(), metrics.render(monitor.snapshots()), Map.of());
      case "/api/v1/openapi.json":
        allow(x, "GET");
        return Exchange.Response.json(200, openApi);
      case SLOS:
        allow(x, "GET", "POST");
        return x.method().equals("GET") ? list(x) : create(x);
      default:
        break;
    }
    if (p.startsWith(SLOS + "/")) {
      String rest = p.substring(SLOS.length() + 1);
      String[] parts = rest.split("/", -1);
      int slash = rest.lastIndexOf('/');
      if (parts.length > 2 && GroupId.isGroupForm(rest.substring(0, Math.max(slash, 0)))) {
        // a group id may hold '/' in its label values (%2F in the URL)
        parts = new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
      }
      if (parts.length == 2 && !parts[0].isEmpty()) {
        switch (parts[1]) {
          case "status":
            allow(x, "GET");
            params(x);
            return Exchange.Response.json(
                200, Objects.requireNonNull(snapshot(parts[0]).statusJson(), "status"));
          case "error-budget":
            allow(x, "GET");
            params(x);
            return Exchange.Response.json(
                200, Objects.requireNonNull(snapshot(parts[0]).budgetJson(), "error budget"));
          case "history":
            allow(x, "GET");
            return history(x, parts[0]);
          case "burn-rate-alert":
            allow(x, "POST");
            return burnRateAlert(x, parts[0]);
          case "corrections":
            allow(x, "GET", "POST");
            return x.method().equals("GET")
                ? CorrectionRoutes.list(x, store, parts[0])
                : CorrectionRoutes.create(x, store, monitor, access, parts[0]);
          default:
            break;
        }
      }
    }
    if (p.startsWith(CorrectionRoutes.PREFIX) && p.length() > CorrectionRoutes.PREFIX.length()) {
      String id = p.substring(CorrectionRoutes.PREFIX.length());
      if (!id.contains("/")) {
        allow(x, "DELETE");
        return CorrectionRoutes.delete(x, store, monitor, access, id);
      }
    }
    throw new ApiException(404, "not_found", p + " is not a route of this API");
  }

  private Exchange.Response list(Exchange x) {
    params(x, "service_name", "slo_type", "status");
    String service = x.param("service_name");
    SloType type = enumParam(x, "slo_type", SloType.class);
    Status status = enumParam(x, "status", Status.class);
    ArrayNode out = StatusJson.MAPPER.createArrayNode();
    boolean shared = monitor.outbox().isPresent(); // a fleet: the saved statuses filter
    for (Slo s : store.slos().list(new SloFilter(service, type, shared ? status : null))) {
      if (status != null && !shared) {
        Snapshot snap = monitor.snapshot(s.sloId()).orElse(null);
        if (snap == null || snap.evaluation() == null || snap.evaluation().status() != status) {
          continue;
        }
      }
      com.fasterxml.jackson.databind.node.ObjectNode o = ApiJson.slo(s);
      if (s.isGroupTemplate()) { // the groups seen so far, each with its own status route
        monitor.groupIds(s.sloId()).forEach(o.putArray("groups")::add);
      }
      out.add(o);
    }
    return Exchange.Response.json(200, ApiJson.bytes(out));
  }

  private Exchange.Response create(Exchange x) {
    authorize(x);
    params(x);
    json(x);
    Slo slo;
    try {
      slo = SpecParser.parseSlo("request body", new String(x.body(), StandardCharsets.UTF_8));
    } catch (SpecException e) {
      SpecProblem first = e.problems().get(0);
      String message =
          e.problems().stream()
              .map(q -> (q.field().isEmpty() ? "" : q.field() + ": ") + q.message())
              .collect(Collectors.joining("; "));
      throw new ApiException(400, "invalid_field", message, first.field(), Map.of());
    }
    if (slo.isComposite()) { // its components must exist, share its period and form no cycle
      List<Slo> all = new java.util.ArrayList<>(store.slos().list(SloFilter.ALL));
      all.add(slo);
      for (CompositeProblem p : CompositeGraph.problems(all)) {
        if (p.sloIndex() == all.size() - 1) {
          throw new ApiException(
              400, "invalid_field", p.field() + ": " + p.message(), p.field(), Map.of());
        }
      }
    }
    try {
      store.slos().create(slo);
    } catch (ConflictException e) {
      throw new ApiException(409, "conflict", Objects.requireNonNull(e.getMessage(), "message"));
    }
    monitor.requestEvaluation();
    return new Exchange.Response(
        201,
        Exchange.Response.JSON,
        ApiJson.bytes(ApiJson.slo(slo)),
        Map.of("Location", SLOS + "/" + slo.sloId() + "/status"));
  }

  /** The stored SLO of an slo_id, or of the grouped SLO a group id belongs to. */
  private java.util.Optional<Slo> find(String sloId) {
    if (!GroupId.isGroupForm(sloId)) {
      return store.slos().get(sloId);
    }
    if (!Slo.isValidId(sloId)) {
      return java.util.Optional.empty();
    }
    return store.slos().get(GroupId.baseOf(sloId)).filter(Slo::isGroupTemplate);
  }

  private Snapshot snapshot(String sloId) {
    Slo slo;
    try {
      slo = find(sloId).orElseThrow(() -> ApiException.unknownSlo(sloId));
    } catch (SourceException e) {
      // the store is down: the last good values, marked stale, rather than no answer
      Snapshot last = monitor.snapshot(sloId).orElseThrow(() -> e);
      if (last.statusJson() == null) {
        throw e;
      }
      return last.stale()
          ? last
          : Snapshot.of(
              last.slo(), last.evaluation(), last.alerts(), STORE_DOWN, last.lastAttempt());
    }
    if (!slo.enabled()) {
      throw new ApiException(
          409, "slo_disabled", "\"" + sloId + "\" is disabled, so it is not evaluated");
    }
    if (monitor.outbox().isPresent()) { // a fleet: what the owner saved, from any replica
      Slo one = sloId.equals(slo.sloId()) ? slo : GroupReads.group(slo, sloId);
      Snapshot saved =
          one == null ? null : SharedReads.snapshot(monitor, one, clock.instant()).orElse(null);
      if (saved != null) {
        return saved;
      }
    }
    Snapshot s = monitor.snapshot(sloId).orElse(null);
    if (s == null && slo.isGroupTemplate() && !sloId.equals(slo.sloId())) {
      throw new ApiException(
          404,
          "not_found",
          dev.slo.core.Printable.quote(sloId) + " is not a group of " + slo.sloId() + " seen yet");
    }
    if (s == null || s.statusJson() == null) {
      throw new ApiException(
          503,
          "not_evaluated",
          "\""
              + sloId
              + "\" has no successful evaluation yet"
              + (s != null && s.sourceError() != null ? ": " + s.sourceError() : ""),
          null,
          Map.of("Retry-After", "5"));
    }
    return s;
  }

  private Exchange.Response history(Exchange x, String sloId) {
    params(x, "start_time", "end_time");
    Slo slo = find(sloId).orElseThrow(() -> ApiException.unknownSlo(sloId));
    Instant start = instant(x, "start_time", Instant.EPOCH);
    Instant end = instant(x, "end_time", Instant.MAX);
    if (start.isAfter(end)) {
      throw ApiException.badField(
          "start_time", x.param("start_time") + " is after end_time " + x.param("end_time"));
    }
    ArrayNode out = StatusJson.MAPPER.createArrayNode();
    // history windows are left-open; start_time is inclusive here (timestamps are microseconds)
    Window w = new Window(start.minusNanos(1000), end);
    store.history().history(sloId, w).forEach(m -> out.add(ApiJson.metric(m, slo)));
    return Exchange.Response.json(200, ApiJson.bytes(out));
  }

  private Exchange.Response burnRateAlert(Exchange x, String sloId) {
    authorize(x);
    params(x);
    Slo slo = store.slos().get(sloId).orElseThrow(() -> ApiException.unknownSlo(sloId));
    BurnRateAlertRequest req = BurnRateAlertRequest.parse(json(x));
    BurnRateAlertRule rule;
    try {
      rule =
          store
              .alertRules()
              .create(
                  BurnRateAlertRule.of(
                      sloId,
                      req.burnRateThreshold(),
                      req.timeWindow(),
                      req.shortWindow(),
                      Objects.requireNonNull(req.severity(), "severity")));
    } catch (ConflictException e) {
      throw new ApiException(409, "conflict", Objects.requireNonNull(e.getMessage(), "message"));
    } catch (ValidationException e) {
      throw ApiException.badField(e.field(), Objects.requireNonNull(e.getMessage(), "message"));
    }
    return Exchange.Response.json(201, ApiJson.bytes(ApiJson.alertRule(rule, slo)));
  }

  static void allow(Exchange x, String... methods) {
    if (!Arrays.asList(methods).contains(x.method())) {
      String allow = String.join(", ", methods);
      throw new ApiException(
          405,
          "method_not_allowed",
          x.method() + " is not allowed on " + x.path() + "; use " + allow,
          null,
          Map.of("Allow", allow));
    }
  }

  private void authorize(Exchange x) {
    access.write(x);
  }

  static void params(Exchange x, String... known) {
    Set<String> ok = Set.of(known);
    for (String k : x.query().keySet()) {
      if (!ok.contains(k)) {
        throw ApiException.badField(
            k,
            "unknown query parameter"
                + (known.length == 0
                    ? "; this endpoint takes none"
                    : "; known: " + String.join(", ", known)));
      }
    }
  }

  static JsonNode json(Exchange x) {
    if (x.body().length == 0) {
      throw new ApiException(400, "invalid_body", "the body is empty; send a JSON object");
    }
    JsonNode n;
    try {
      n = StatusJson.MAPPER.readTree(x.body());
    } catch (JsonProcessingException e) {
      throw new ApiException(
          400,
          "malformed_json",
          "the body is not valid JSON: "
              + e.getOriginalMessage().replaceAll(" \\(start marker at .*", "")
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (java.io.IOException e) {
      throw new ApiException(400, "malformed_json", "the body cannot be read: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new ApiException(400, "invalid_body", "the body must be a JSON object");
    }
    return n;
  }

  private static <E extends Enum<E>> @Nullable E enumParam(Exchange x, String name, Class<E> type) {
    String v = x.param(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badField(
          name,
          "\""
              + v
              + "\" is not valid; use one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }

  static Instant instant(Exchange x, String name, Instant dflt) {
    String v = x.param(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      return DataFileReader.parseInstant(v.trim());
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw ApiException.badField(
          name,
          "\"" + v + "\" is not an instant; use ISO-8601 (2026-11-20T12:00:00Z) or epoch seconds");
    }
  }
}
