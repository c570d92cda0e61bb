package dev.slo.jdbc;

import dev.slo.core.window.DurationText;
import dev.slo.jdbc.JdbcStore.MaintenanceReport;
import dev.slo.jdbc.JdbcStore.RollupDifference;
import dev.slo.jdbc.JdbcStore.VerifyReport;

/**
 * The one-line wordings of the upkeep reports of {@link JdbcStore}, as {@code slo db maintain} and
 * {@code slo db verify} print them: what a maintenance run did, one differing rollup bucket, and
 * what a rollup check found.
 */
final class UpkeepText {
  private UpkeepText() {}

  /** {@link MaintenanceReport#describe}. */
  static String maintenance(MaintenanceReport r, String target) {
    return target
        + ": retention raw "
        + DurationText.format(r.policy().raw())
        + ", hourly "
        + DurationText.format(r.policy().hourly())
        + ", daily "
        + DurationText.format(r.policy().daily())
        + "; created "
        + r.created().size()
        + " partitions, dropped "
        + r.dropped().size()
        + (r.dropped().isEmpty() ? "" : " " + r.dropped())
        + (r.strayRowsDropped() > 0
            ? ", removed " + r.strayRowsDropped() + " expired rows from default partitions"
            : "")
        + "; partitions kept by "
        + r.partitioner();
  }

  /** {@link RollupDifference#toString}. */
  static String difference(RollupDifference d) {
    return d.sloId()
        + " "
        + d.resolution()
        + " "
        + d.bucket()
        + ": rollup "
        + d.rollupGood()
        + "/"
        + d.rollupTotal()
        + " in "
        + d.rollupRows()
        + " rows, raw "
        + d.rawGood()
        + "/"
        + d.rawTotal()
        + " in "
        + d.rawRows()
        + " rows";
  }

  /** {@link VerifyReport#describe}. */
  static String verify(VerifyReport r, String target, String partitioner) {
    return target
        + ": checked "
        + r.from()
        + " to "
        + r.to()
        + ": "
        + (r.differing() == 0
            ? "every hour and day bucket equals its raw rows"
            : r.differing()
                + " buckets differ"
                + (r.differing() > r.listed().size()
                    ? " (first " + r.listed().size() + " listed)"
                    : ""))
        + "; partitions kept by "
        + partitioner;
  }
}
