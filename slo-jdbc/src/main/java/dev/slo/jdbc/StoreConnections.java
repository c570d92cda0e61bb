package dev.slo.jdbc;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * How a {@link JdbcStore} reaches its database: the {@link Db} its operations use, the idle
 * connections it keeps for reuse (closed with the store), and the opener of the fleet's own
 * connection, which has a socket timeout so that a fleet call on a dead network fails.
 */
record StoreConnections(Db db, IdleConnections connections, IdleConnections.Opener fleetOpener) {

  /**
   * Connects to {@code jdbcUrl} lazily: nothing is opened until the first operation. The password
   * comes from the URL or, when it has none, from {@code PGPASSWORD} in {@code env}.
   *
   * @throws dev.slo.core.InvalidInputException when the URL is malformed
   */
  static StoreConnections open(String jdbcUrl, Map<String, String> env) {
    JdbcUrl url = JdbcUrl.parse(jdbcUrl, env);
    Driver driver = new Driver();
    Properties props = url.properties();
    IdleConnections connections = new IdleConnections(() -> driver.connect(url.url(), props), 4);
    Properties fleetProps = new Properties();
    fleetProps.putAll(props);
    // a fleet call that hangs on a dead network must fail, so that the shards count as lost
    fleetProps.putIfAbsent("socketTimeout", "30");
    return new StoreConnections(
        new Db(connections, url.target()),
        connections,
        () -> driver.connect(url.url(), fleetProps));
  }

  /**
   * Applies pending migrations to {@code db} (a no-op when current); a current schema is recognised
   * with plain JDBC, without building Jdbi.
   *
   * @throws dev.slo.core.SourceException when the database cannot be reached or migrated
   */
  static MigrationResult migrate(Db db) {
    // plain JDBC first: a current schema needs no Jdbi at all (see Db)
    Optional<MigrationResult> current =
        db.plain(
            "checking the schema version",
            c -> Optional.ofNullable(Migrations.currentOrNull(c, Migrations.LATEST)));
    if (current.isPresent()) {
      return current.get();
    }
    try {
      return Migrations.migrate(db.jdbi());
    } catch (RuntimeException e) {
      throw Failures.translate(e, db.target(), "migrating the schema");
    }
  }
}
