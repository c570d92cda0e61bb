package dev.slo.jdbc;

import dev.slo.core.source.EventSource;
import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.CorrectionRepository;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SliMetric;
import dev.slo.core.store.SloRepository;
import dev.slo.core.store.SloStore;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.Driver;

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

  private JdbcStore(Db db, IdleConnections connections) {
    this.db = db;
    this.connections = connections;
    MigrationResult m;
    try {
      m = migrate(db);
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
    JdbcUrl url = JdbcUrl.parse(jdbcUrl, env);
    Driver driver = new Driver();
    Properties props = url.properties();
    IdleConnections connections = new IdleConnections(() -> driver.connect(url.url(), props), 4);
    return new JdbcStore(new Db(Jdbi.create(connections), url.target()), connections);
  }

  private static MigrationResult migrate(Db db) {
    try {
      return Migrations.migrate(db.jdbi());
    } catch (RuntimeException e) {
      throw Failures.translate(e, db.target(), "migrating the schema");
    }
  }

  /** Applies pending migrations again (a no-op when current); safe while other processes run. */
  public MigrationResult migrate() {
    return migrate(db);
  }

  /** What the migration run during {@link #open} did. */
  public MigrationResult openingMigration() {
    return migration;
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

  /** Closes the idle connections kept for reuse. */
  @Override
  public void close() {
    connections.close();
  }
}
