package dev.slo.cli;

import dev.slo.core.spec.Spec;
import dev.slo.jdbc.JdbcSharedStore;
import dev.slo.server.ServeSetup;
import dev.slo.server.SloServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code slo serve}: evaluates SLOs continuously and serves the REST API (docs/openapi.json). */
@Command(
    name = "serve",
    description =
        "Evaluate every enabled SLO each interval and serve the REST API, /metrics, /healthz and"
            + " /readyz; emit slo_status_updated events on status changes. Stops gracefully on"
            + " SIGTERM or Ctrl-C. See docs/serve.md.",
    footer = {
      "%nRuns until SIGTERM or Ctrl-C, then stops gracefully.%n"
          + "%nExit codes:%n  2  bad input: spec, data, flags, files, address in use%n"
    })
public final class ServeCommand extends Subcommand implements Callable<Integer> {
  @ParentCommand SloCommand parent;

  @picocli.CommandLine.Mixin
  dev.slo.cli.PrometheusOptions prometheus = new dev.slo.cli.PrometheusOptions();

  @picocli.CommandLine.Mixin dev.slo.cli.JdbcOptions jdbc = new dev.slo.cli.JdbcOptions();

  @Option(
      names = "--spec",
      required = true,
      paramLabel = "FILE|DIR",
      description = "Spec file or directory, any supported format (docs/formats.md); repeatable.")
  java.util.List<Path> spec;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "Event data (CSV or JSON Lines), re-read when it changes.")
  @Nullable Path data;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default 127.0.0.1).")
  String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port (default 8080; 0 picks a free one).")
  int port;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Time between evaluations (default 60s).")
  String interval;

  @Option(
      names = "--resolve-after",
      paramLabel = "N",
      defaultValue = "3",
      description = "Clear evaluations before a firing alert tier resolves (default 3).")
  int resolveAfter;

  @Option(names = "--events-file", paramLabel = "FILE", description = "Append events (JSONL).")
  @Nullable Path eventsFile;

  @Option(names = "--events-stdout", description = "Print events to standard output.")
  boolean eventsStdout;

  @Option(names = "--webhook", paramLabel = "URL", description = "POST each event to URL.")
  @Nullable String webhook;

  @Option(
      names = "--alertmanager",
      paramLabel = "URL",
      description = "Alertmanager base URL; alerts go to URL/api/v2/alerts.")
  @Nullable String alertmanager;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Require 'Authorization: Bearer <token in FILE>' on write endpoints.")
  @Nullable Path tokenFile;

  @Option(
      names = "--read-token-file",
      paramLabel = "FILE",
      description =
          "Require 'Authorization: Bearer <token in FILE>' on reads too (the write token also"
              + " reads); /healthz and /readyz stay open.")
  @Nullable Path readTokenFile;

  @Option(
      names = "--allow-origin",
      paramLabel = "ORIGIN",
      description =
          "A browser origin (https://dash.example.com, or *) allowed to call the API across"
              + " origins; repeatable. Other cross-origin writes are refused (403).")
  List<String> allowOrigins = new ArrayList<>();

  @Option(
      names = "--allow-anonymous-writes",
      description =
          "Allow writes without a token on an address other than loopback (refused otherwise).")
  boolean allowAnonymousWrites;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Time a client has to send a request's headers, then its body, and to read the"
              + " answer (default 10s).")
  String requestTimeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "Close a keep-alive connection idle this long (default 30s).")
  String idleTimeout;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Open HTTP connections at most (default 1000).")
  int maxConnections;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "HTTP worker threads (default: 2 per CPU, at least 4).")
  @Nullable Integer threads;

  @Option(
      names = "--fleet",
      description =
          "Share the SLOs with the other replicas on the same --jdbc database and schema: each"
              + " evaluates only the SLOs of the shards it owns, answers reads for every SLO from"
              + " the database and sends events through its outbox (docs/serve.md, fleet).")
  boolean fleet;

  @Option(
      names = "--maintain-every",
      paramLabel = "DURATION",
      defaultValue = "1h",
      description =
          "With --jdbc: run slo db maintain (partitions ahead, retention) this often, first a"
              + " minute after start; one log line per run, a failure does not stop serving"
              + " (default ${DEFAULT-VALUE}).")
  String maintainEvery;

  @Option(
      names = "--no-maintain",
      description = "With --jdbc: do not run slo db maintain (schedule it from cron instead).")
  boolean noMaintain;

  @Option(
      names = "--outbox-max-age",
      paramLabel = "DURATION",
      description =
          "With --fleet: undelivered events older than this are abandoned and counted"
              + " (1m to 365d; default 24h).")
  @Nullable String outboxMaxAge;

  @Option(
      names = "--outbox-max-events",
      paramLabel = "N",
      description =
          "With --fleet: undelivered events beyond the newest N are abandoned and counted"
              + " (1 to 100000000; default 100000).")
  @Nullable Integer outboxMaxEvents;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = out();
    PrintWriter err = err();
    // SIGTERM or Ctrl-C: stop gracefully, then end with 0 (a graceful stop is a success; the JVM
    // would otherwise report 143 or 130).
    SloServer server =
        start(out, err)
            .closeOnShutdown(
                () -> {
                  err.println("slo serve: stopped");
                  err.flush();
                  out.flush();
                  Runtime.getRuntime().halt(0);
                });
    String at = bind + ":" + server.port();
    out.println("slo serve: listening on http://" + at + " (interval " + interval + ")");
    out.flush();
    server.awaitClosed();
    return 0;
  }

  /** Loads the spec and starts the server; the library checks the values ({@link ServeSetup}). */
  SloServer start(PrintWriter out, PrintWriter err) {
    Spec s = SpecFiles.load(spec, err);
    ServeSetup setup =
        new ServeSetup(
                s.slos(), s.corrections(), parent == null ? Clock.systemUTC() : parent.clock(), err)
            .sources(
                data,
                prometheus.given() ? () -> prometheus.servingSource(s.slos()) : null,
                jdbc.given() ? () -> new JdbcSharedStore(jdbc.store()) : null)
            .listen(bind, port, threads)
            .evaluation(interval, resolveAfter)
            .access(tokenFile, readTokenFile, allowOrigins, allowAnonymousWrites)
            .timeouts(requestTimeout, idleTimeout, maxConnections)
            .events(eventsFile, eventsStdout ? out : null, webhook, alertmanager)
            .fleet(fleet, outboxMaxAge, outboxMaxEvents)
            .maintenance(noMaintain ? null : maintainEvery);
    return FlagNames.named(Map.of("listen_address", "--bind/--port"), setup::build).start();
  }
}
