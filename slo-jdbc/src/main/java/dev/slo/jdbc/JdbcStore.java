package dev.slo.jdbc;

import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventSource;
import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.CorrectionRepository;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SliMetric;
import dev.slo.core.store.SloRepository;
import dev.slo.core.store.SloStore;
import dev.slo.core.window.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL store behind {@code --jdbc URL}: repositories for SLOs and burn-rate alert rules,
 * SLI history with bucketed sums, an {@link EventSource} for the evaluator, and batched, retried
 * ingest. {@link #open} applies pending migrations. Thread-safe; each operation takes a connection
 * of its own, reusing up to four idle ones (ingest keeps one for its duration); {@link #close}
 * releases them. Messages name the database as {@code host:port/database}, never with credentials.
 */
public final class JdbcStore implements SloStore, AutoCloseable {
  /** Rows per ingest transaction. */
  public static final int DEFAULT_BATCH_SIZE = 50_000;

  /** How long ingest keeps retrying one batch after its first transient failure. */
  public static final Duration DEFAULT_RETRY_FOR = Duration.ofSeconds(60);

  private final Db db;
  private final IdleConnections connections;
  private final MigrationResult migration;
  private final IdleConnections.Opener fleetOpener;

  private JdbcStore(StoreConnections reached) {
    this.db = reached.db();
    this.connections = reached.connections();
    this.fleetOpener = reached.fleetOpener();
    MigrationResult m;
    try {
      m = StoreConnections.migrate(db);
    } catch (RuntimeException e) {
      connections.close();
      throw e;
    }
    this.migration = m;
  }

  /**
   * Connects to {@code jdbcUrl} and applies pending migrations. The password comes from the URL or,
   * when it has none, from the {@code PGPASSWORD} environment variable.
   *
   * @throws dev.slo.core.InvalidInputException when the URL is malformed
   * @throws dev.slo.core.SourceException when the database cannot be reached or rejects the login
   */
  public static JdbcStore open(String jdbcUrl) {
    return open(jdbcUrl, System.getenv());
  }

  /** As {@link #open(String)}, reading {@code PGPASSWORD} from {@code env}. */
  public static JdbcStore open(String jdbcUrl, Map<String, String> env) {
    return new JdbcStore(StoreConnections.open(jdbcUrl, env));
  }

  /** Applies pending migrations again (a no-op when current); safe while other processes run. */
  public MigrationResult migrate() {
    return StoreConnections.migrate(db);
  }

  /** What the migration run during {@link #open} did. */
  public MigrationResult openingMigration() {
    return migration;
  }

  Db db() {
    return db;
  }

  /** {@code host:port/database}, safe to print. */
  public String target() {
    return db.target();
  }

  /** The SLO definitions and statuses. */
  @Override
  public SloRepository slos() {
    return new JdbcSloRepository(db);
  }

  /** The burn-rate alert rules. */
  @Override
  public AlertRuleRepository alertRules() {
    return new JdbcAlertRuleRepository(db);
  }

  /** The budget corrections. */
  @Override
  public CorrectionRepository corrections() {
    return new JdbcCorrectionRepository(db);
  }

  /** The SLI history. */
  @Override
  public SliHistory history() {
    return new JdbcSliHistory(db);
  }

  /** An event source reading the SLI history through the hour and day rollups. */
  public EventSource eventSource() {
    return new StoreEventSource(db);
  }

  /**
   * An event source for one evaluation of {@code slos} at {@code at}: every window they need is
   * read up front with three statements in all. Boundaries older than the raw retention are read at
   * hour (or day) resolution; {@code notes} receives one line per SLO where that happened.
   */
  public EventSource eventSource(List<Slo> slos, Instant at, List<String> notes) {
    return eventSource(new Evaluator(), slos, at, notes);
  }

  /** As {@link #eventSource(List, Instant, List)} for an evaluation by {@code evaluator}. */
  public EventSource eventSource(
      Evaluator evaluator, List<Slo> slos, Instant at, List<String> notes) {
    return PrefetchedEventSource.of(db, evaluator, slos, at, notes);
  }

  /**
   * Writes rows in batches of {@link #DEFAULT_BATCH_SIZE}, retrying transient failures for {@link
   * #DEFAULT_RETRY_FOR}; {@code progress} receives the running count after each batch.
   *
   * @return the number of rows read
   * @throws dev.slo.core.SourceException when a batch keeps failing; earlier batches stay written,
   *     and running the same ingest again is safe
   */
  public long ingest(Iterator<SliMetric> rows, LongConsumer progress) {
    return ingest(rows, progress, DEFAULT_BATCH_SIZE, DEFAULT_RETRY_FOR);
  }

  /** As {@link #ingest(Iterator, LongConsumer)}, from a stream, which is closed afterwards. */
  public long ingest(Stream<SliMetric> rows, LongConsumer progress) {
    try (rows) {
      return ingest(rows.iterator(), progress);
    }
  }

  /** As {@link #ingest(Iterator, LongConsumer)} with a batch size and retry time. */
  public long ingest(
      Iterator<SliMetric> rows, LongConsumer progress, int batchSize, Duration retryFor) {
    Objects.requireNonNull(progress, "progress");
    return new Ingest(db, SliWriter::write, batchSize, retryFor).run(rows, progress);
  }

  /** Rows of a data set that can be read more than once. */
  @FunctionalInterface
  public interface RowSource {
    /** Calls {@code sink} with every row, in order; may be called again. */
    void forEach(RowSink sink);
  }

  /** Receives one row of a data set. */
  @FunctionalInterface
  public interface RowSink {
    /** One row: timestamps are truncated to microseconds. */
    void add(String sloId, Instant timestamp, long good, long total);
  }

  /**
   * Sets the labels of SLI rows stored under a group id (docs/spec.md, "Grouping") that have none,
   * such as rows just {@link #load loaded}; returns how many group ids were labelled.
   *
   * @throws dev.slo.core.SourceException when the database keeps failing
   */
  public int labelGroups() {
    return StoredGroups.fillLabels(db);
  }

  /**
   * Loads a whole data set so that nothing is stored unless every row is read: first by streaming
   * it with binary COPY straight into the history in one transaction (when every step is new), else
   * by reading it again into a staging table and merging per-step sums, which replace stored rows.
   * Either way rows of one (slo_id, timestamp) are summed and a re-run stores the same rows.
   *
   * @throws dev.slo.core.InvalidInputException when a row is bad (nothing is stored)
   * @throws dev.slo.core.SourceException when the database keeps failing (nothing is stored)
   */
  public StagedIngest.Result load(RowSource source) {
    return WholeLoad.run(db, source);
  }

  /**
   * A two-phase load of a whole data set: rows are staged with {@link StagedIngest#add}, then
   * {@link StagedIngest#merge} stores the per-step sums in one transaction. Close it afterwards.
   */
  public StagedIngest stagedIngest() {
    return new StagedIngest(db, DEFAULT_RETRY_FOR);
  }

  /** How long each resolution of the SLI history is kept. */
  public record RetentionPolicy(Duration raw, Duration hourly, Duration daily) {

    /**
     * A retention such as {@code 35d}, {@code 12h} or {@code 5y} (a year is 365.25 days).
     *
     * @throws dev.slo.core.ValidationException for field {@code retention}, leading with the text
     */
    public static Duration parse(String text) {
      try {
        if (text.matches("\\d{1,4}y")) {
          long years = Long.parseLong(text.substring(0, text.length() - 1));
          return Duration.ofDays(Math.round(years * 365.25));
        }
        return DurationText.parse(text);
      } catch (IllegalArgumentException e) {
        throw dev.slo.core.ValidationException.withMessage(
            "retention", text, text + ": not a duration; use for example 35d, 400d or 5y");
      }
    }
  }

  /** Who keeps the partitions of the SLI history. */
  public enum Partitioner {
    /** pg_partman when installed in the database or installable, the store's own DDL otherwise. */
    AUTO,
    /** pg_partman; falls back to the store's DDL (and says why) when it cannot be used. */
    PG_PARTMAN,
    /** the store's own DDL (unless the tables were already handed to pg_partman). */
    BUILTIN;

    /**
     * The keeper named {@code auto}, {@code pg_partman} or {@code builtin}.
     *
     * @throws dev.slo.core.ValidationException for field {@code partitioner}, leading with the text
     */
    public static Partitioner of(String text) {
      return switch (text) {
        case "auto" -> AUTO;
        case "pg_partman" -> PG_PARTMAN;
        case "builtin" -> BUILTIN;
        default ->
            throw dev.slo.core.ValidationException.withMessage(
                "partitioner", text, text + ": not one of auto, pg_partman, builtin");
      };
    }
  }

  /**
   * What {@link #maintain} did.
   *
   * @param partitioner who kept the partitions in this run, and why (for example "pg_partman 4.7.2
   *     (schema partman)" or "built-in DDL: pg_partman is not available on this server")
   */
  public record MaintenanceReport(
      List<String> created,
      List<String> dropped,
      long strayRowsDropped,
      RetentionPolicy policy,
      String partitioner) {

    /**
     * One line saying what the run did in {@code target}: the retention, the partitions created and
     * dropped, stray rows removed and who kept the partitions.
     */
    public String describe(String target) {
      return UpkeepText.maintenance(this, target);
    }
  }

  /**
   * Partition upkeep (idempotent, safe from cron or every hour): creates the partitions of the
   * retention windows and {@code ahead} past {@code now}, files rows parked in default partitions,
   * and drops partitions wholly older than their resolution's retention. A non-null {@code policy}
   * is stored first and used from then on.
   */
  public MaintenanceReport maintain(Instant now, @Nullable RetentionPolicy policy, Duration ahead) {
    return maintain(now, policy, ahead, Partitioner.AUTO);
  }

  /** {@link #maintain(Instant, RetentionPolicy, Duration)} with the choice of partition keeper. */
  public MaintenanceReport maintain(
      Instant now, @Nullable RetentionPolicy policy, Duration ahead, Partitioner partitioner) {
    return StoreUpkeep.maintain(db, now, policy, ahead, partitioner);
  }

  /**
   * Who keeps the partitions of the SLI history now ("pg_partman 4.7.2 (schema partman)", "built-in
   * DDL", "TimescaleDB hypertable ..."), read without changing anything.
   */
  public String partitioner() {
    return db.call("reading the partition keeper", Partman::current);
  }

  /**
   * Runs {@link #maintain} with the stored policy on a thread of its own, first after {@code
   * min(every, 1 minute)} and then every {@code every}, logging one line per run to {@code log}; a
   * failed run is logged, never thrown. Close the result to stop it (before closing the store).
   */
  public MaintenanceSchedule scheduleMaintenance(
      java.time.Clock clock, Duration every, java.util.function.Consumer<String> log) {
    return new MaintenanceSchedule(this, clock, every, log);
  }

  /** The stored retention policy. */
  public RetentionPolicy retentionPolicy() {
    return StoreUpkeep.retentionPolicy(db);
  }

  /** One bucket whose rollup differs from the raw rows it sums. */
  public record RollupDifference(
      String resolution,
      String sloId,
      Instant bucket,
      long rawGood,
      long rawTotal,
      long rawRows,
      long rollupGood,
      long rollupTotal,
      long rollupRows) {

    /** {@code api hour 2026-11-20T10:00:00Z: rollup 5/9 in 2 rows, raw 6/9 in 3 rows}. */
    @Override
    public String toString() {
      return UpkeepText.difference(this);
    }
  }

  /** What {@link #verify} found: the range checked and the differing buckets (first 1,000). */
  public record VerifyReport(
      Instant from, Instant to, long differing, List<RollupDifference> listed) {

    /**
     * One line saying what was checked in {@code target} and how many buckets differ, ending with
     * who keeps the partitions ({@code partitioner}).
     */
    public String describe(String target, String partitioner) {
      return UpkeepText.verify(this, target, partitioner);
    }

    /** Each listed difference on a line of its own, then {@link #describe}; lines end in \n. */
    public String text(String target, String partitioner) {
      StringBuilder sb = new StringBuilder();
      listed.forEach(d -> sb.append(d).append('\n'));
      return sb.append(describe(target, partitioner)).append('\n').toString();
    }
  }

  /** Recomputes the hour and day buckets of {@code [from, to)} from raw rows and compares. */
  public VerifyReport verify(Instant from, Instant to) {
    return StoreUpkeep.verify(db, from, to);
  }

  /**
   * Joins the fleet of replicas that share this database and schema (docs/serve.md, "A fleet of
   * replicas") on a connection of its own, opened at the first {@link JdbcFleet#rebalance}. Close
   * it to leave the fleet; closing the store does not.
   *
   * @param replicaId this replica's unique name, 1 to 200 characters
   * @param interval the time between rebalances, the same on every replica of the fleet; replicas
   *     silent for three intervals are not live, and rows silent for ten are deleted
   */
  public JdbcFleet fleet(String replicaId, Duration interval) {
    return new JdbcFleet(fleetOpener, db.target(), replicaId, interval);
  }

  /**
   * The fleet's saved snapshots and outbox (docs/serve.md, "A fleet of replicas"); with {@code
   * fleet}, each commit keeps only the SLOs of the shards that fleet's session holds.
   */
  public JdbcOutbox outbox(@org.jspecify.annotations.Nullable JdbcFleet fleet) {
    return new JdbcOutbox(db, fleet);
  }

  /** Closes the idle connections kept for reuse. */
  @Override
  public void close() {
    connections.close();
  }
}
