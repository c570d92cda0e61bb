package dev.slo.jdbc;

import dev.slo.jdbc.JdbcStore.MaintenanceReport;
import dev.slo.jdbc.JdbcStore.Partitioner;
import dev.slo.jdbc.JdbcStore.RetentionPolicy;
import dev.slo.jdbc.JdbcStore.RollupDifference;
import dev.slo.jdbc.JdbcStore.VerifyReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The upkeep half of {@link JdbcStore}: partition maintenance, the stored retention policy and the
 * rollup check, each run in one database call through {@link Maintenance} and {@link Verify}, with
 * their results turned into the store's public report records.
 */
final class StoreUpkeep {
  private StoreUpkeep() {}

  /**
   * {@link JdbcStore#maintain(Instant, RetentionPolicy, Duration, Partitioner)} in one transaction:
   * a non-null {@code policy} is stored first and used from then on.
   */
  static MaintenanceReport maintain(
      Db db,
      Instant now,
      @Nullable RetentionPolicy policy,
      Duration ahead,
      Partitioner partitioner) {
    return db.transaction(
        "maintaining partitions",
        h -> {
          if (policy != null) {
            Maintenance.setPolicy(
                h, new Maintenance.Policy(policy.raw(), policy.hourly(), policy.daily()));
          }
          Maintenance.Policy p = Maintenance.policy(h);
          Maintenance.Report r = Maintenance.run(h, p, now, ahead, partitioner);
          return new MaintenanceReport(
              r.created(),
              r.dropped(),
              r.strayRowsDropped(),
              new RetentionPolicy(p.raw(), p.hour(), p.day()),
              r.partitioner());
        });
  }

  /** The retention policy stored in {@code db}. */
  static RetentionPolicy retentionPolicy(Db db) {
    return db.call(
        "reading the retention policy",
        h -> {
          Maintenance.Policy p = Maintenance.policy(h);
          return new RetentionPolicy(p.raw(), p.hour(), p.day());
        });
  }

  /** {@link JdbcStore#verify}: the hour and day buckets of {@code [from, to)} against raw rows. */
  static VerifyReport verify(Db db, Instant from, Instant to) {
    Verify.Result r = db.call("verifying rollups", h -> Verify.run(h, from, to));
    List<RollupDifference> listed = new ArrayList<>();
    for (Verify.Difference d : r.listed()) {
      listed.add(
          new RollupDifference(
              d.resolution(),
              d.sloId(),
              d.bucket(),
              d.rawGood(),
              d.rawTotal(),
              d.rawRows(),
              d.rollupGood(),
              d.rollupTotal(),
              d.rollupRows()));
    }
    return new VerifyReport(r.from(), r.to(), r.differing(), listed);
  }
}
