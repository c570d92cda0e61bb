package dev.slo.jdbc;

import dev.slo.core.eval.SloStatus;
import dev.slo.core.model.BudgetingMethod;
import dev.slo.core.model.GroupId;
import dev.slo.core.model.NoDataPolicy;
import dev.slo.core.model.SliDefinition;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.Status;
import dev.slo.core.model.StatusThresholds;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.NotFoundException;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jspecify.annotations.Nullable;

/** {@link SloRepository} on the {@code slos} and {@code slo_status} tables. Thread-safe. */
final class JdbcSloRepository implements SloRepository {
  private static final String COLUMNS =
      "slo_id, slo_name, service_name, slo_type, target_percentage, time_period, sli_query,"
          + " description, enabled, time_zone, budgeting_method, timeslice_length,"
          + " timeslice_target_percentage, no_data, warning_below, critical_below, sli";
  private static final String VALUES =
      ":slo_id, :slo_name, :service_name, :slo_type, :target_percentage, :time_period, :sli_query,"
          + " :description, :enabled, :time_zone, :budgeting_method, :timeslice_length,"
          + " :timeslice_target_percentage, :no_data, :warning_below, :critical_below,"
          + " CAST(:sli AS jsonb)";

  private final Db db;

  JdbcSloRepository(Db db) {
    this.db = db;
  }

  @Override
  public Slo create(Slo slo) {
    checkText(slo);
    boolean inserted =
        db.call(
            "creating SLO " + slo.sloId(),
            h ->
                bind(
                            h.createUpdate(
                                "INSERT INTO slos ("
                                    + COLUMNS
                                    + ") VALUES ("
                                    + VALUES
                                    + ") ON CONFLICT (slo_id) DO NOTHING"),
                            slo)
                        .execute()
                    > 0);
    if (!inserted) {
      throw new ConflictException(
          "\"" + slo.sloId() + "\" is not a new slo_id: an SLO with it exists in table slos");
    }
    return slo;
  }

  @Override
  public Slo update(Slo slo) {
    checkText(slo);
    StringBuilder set = new StringBuilder();
    String[] cols = COLUMNS.split(", ");
    String[] vals = VALUES.split(", ");
    for (int i = 1; i < cols.length; i++) {
      set.append(cols[i].trim()).append(" = ").append(vals[i].trim()).append(", ");
    }
    String sql = "UPDATE slos SET " + set + "updated_at = now() WHERE slo_id = :slo_id";
    int n = db.call("updating SLO " + slo.sloId(), h -> bind(h.createUpdate(sql), slo).execute());
    if (n == 0) {
      throw notFound(slo.sloId());
    }
    return slo;
  }

  @Override
  public Optional<Slo> get(String sloId) {
    if (sloId == null || !Slo.ID_PATTERN.matcher(sloId).matches()) {
      return Optional.empty();
    }
    return db.call(
        "reading SLO " + sloId,
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM slos WHERE slo_id = :id")
                .bind("id", sloId)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  @Override
  public List<Slo> list(SloFilter filter) {
    SloFilter f = filter == null ? SloFilter.ALL : filter;
    if (f.serviceName() != null && f.serviceName().indexOf('\0') >= 0) {
      return List.of();
    }
    String sql =
        "SELECT "
            + COLUMNS.replaceAll("(^|, )(\\w)", "$1s.$2")
            + " FROM slos s LEFT JOIN slo_status st ON st.slo_id = s.slo_id"
            + " WHERE (CAST(? AS text) IS NULL OR s.service_name = ?)"
            + " AND (CAST(? AS text) IS NULL OR s.slo_type = ?)"
            + " AND (CAST(? AS text) IS NULL OR st.status = ?)"
            + " ORDER BY s.slo_id";
    String[] values = {
      f.serviceName(),
      f.sloType() == null ? null : f.sloType().name(),
      f.status() == null ? null : f.status().name()
    };
    // plain JDBC: the first statement of every `slo eval --jdbc` (see PlainSql)
    return db.plain(
        "listing SLOs",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              ps.setString(2 * i + 1, values[i]);
              ps.setString(2 * i + 2, values[i]);
            }
            List<Slo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean delete(String sloId) {
    if (sloId == null || !Slo.ID_PATTERN.matcher(sloId).matches()) {
      return false;
    }
    return db.transaction(
        "deleting SLO " + sloId,
        h -> {
          for (String table :
              new String[] {"sli_metrics_ts", "sli_rollup_hour", "sli_rollup_day"}) {
            h.createUpdate("DELETE FROM " + table + " WHERE slo_id = :id")
                .bind("id", sloId)
                .execute();
          }
          return h.createUpdate("DELETE FROM slos WHERE slo_id = :id").bind("id", sloId).execute()
              > 0;
        });
  }

  @Override
  public void saveStatus(SloStatus s) {
    String sql =
        "INSERT INTO slo_status (slo_id, status, current_sli, target_sli, error_budget_remaining,"
            + " error_budget_consumed, burn_rate, time_to_exhaustion, last_updated)"
            + " SELECT :id, :status, :current, :target, :remaining, :consumed, :burn, :tte, :at"
            + " FROM slos WHERE slo_id = :base"
            + " ON CONFLICT (slo_id) DO UPDATE SET status = excluded.status,"
            + " current_sli = excluded.current_sli, target_sli = excluded.target_sli,"
            + " error_budget_remaining = excluded.error_budget_remaining,"
            + " error_budget_consumed = excluded.error_budget_consumed,"
            + " burn_rate = excluded.burn_rate, time_to_exhaustion = excluded.time_to_exhaustion,"
            + " last_updated = excluded.last_updated"
            + " WHERE slo_status.last_updated <= excluded.last_updated";
    db.call(
        "saving the status of SLO " + s.sloId(),
        h -> {
          int n =
              h.createUpdate(sql)
                  .bind("id", s.sloId())
                  .bind("base", GroupId.baseOf(s.sloId()))
                  .bind("status", s.status().name())
                  .bind("current", s.currentSli())
                  .bind("target", s.targetSli())
                  .bind("remaining", s.errorBudgetRemaining())
                  .bind("consumed", s.errorBudgetConsumed())
                  .bind("burn", s.burnRate())
                  .bind("tte", s.timeToExhaustion())
                  .bind("at", utc(s.lastUpdated()))
                  .execute();
          if (n == 0 && !exists(h, GroupId.baseOf(s.sloId()))) {
            throw notFound(s.sloId());
          }
          return n;
        });
  }

  @Override
  public Optional<SloStatus> status(String sloId) {
    return db.call(
        "reading the status of SLO " + sloId,
        h ->
            h.createQuery("SELECT " + STATUS_COLUMNS + " FROM slo_status WHERE slo_id = :id")
                .bind("id", sloId)
                .map((rs, ctx) -> status(rs))
                .findOne());
  }

  /** The columns of {@code slo_status} that {@link #status(ResultSet)} reads. */
  static final String STATUS_COLUMNS =
      "slo_id, status, current_sli, target_sli, error_budget_remaining, error_budget_consumed,"
          + " burn_rate, time_to_exhaustion, last_updated";

  /** One {@code slo_status} row selected with {@link #STATUS_COLUMNS}. */
  static SloStatus status(ResultSet rs) throws SQLException {
    return new SloStatus(
        rs.getString("slo_id"),
        rs.getObject("current_sli", Double.class),
        rs.getDouble("target_sli"),
        Status.valueOf(rs.getString("status")),
        rs.getDouble("error_budget_remaining"),
        rs.getDouble("error_budget_consumed"),
        rs.getDouble("burn_rate"),
        rs.getString("time_to_exhaustion"),
        requiredInstant(rs, "last_updated"));
  }

  static @Nullable OffsetDateTime utc(@Nullable Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  /** A NOT NULL timestamp column as an instant. */
  static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
    Instant t = instant(rs, column);
    if (t == null) {
      throw new SQLException("column " + column + " is null");
    }
    return t;
  }

  static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static boolean exists(Handle h, String sloId) {
    return h.createQuery("SELECT count(*) FROM slos WHERE slo_id = :id")
            .bind("id", sloId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  private static NotFoundException notFound(String sloId) {
    return new NotFoundException(
        "\"" + sloId + "\" is not a stored slo_id: table slos has no such SLO");
  }

  private static void checkText(Slo slo) {
    String owner = "SLO " + slo.sloId();
    StorableText.require(slo.sloName(), "slo_name", owner);
    StorableText.require(slo.serviceName(), "service_name", owner);
    StorableText.require(slo.sliQuery(), "sli_query", owner);
    StorableText.require(slo.description(), "description", owner);
    SliDefinition sli = slo.sli();
    for (String s :
        new String[] {
          sli.goodCounter(), sli.badCounter(), sli.totalCounter(),
          sli.goodQuery(), sli.badQuery(), sli.totalQuery()
        }) {
      StorableText.require(s, "sli", owner);
    }
    if (sli.latency() != null) {
      StorableText.require(sli.latency().selector(), "sli.latency.selector", owner);
    }
  }

  private static <S extends SqlStatement<S>> S bind(S st, Slo slo) {
    return st.bind("slo_id", slo.sloId())
        .bind("slo_name", slo.sloName())
        .bind("service_name", slo.serviceName())
        .bind("slo_type", slo.sloType().name())
        .bind("target_percentage", slo.targetPercentage())
        .bind("time_period", slo.timePeriod().name())
        .bind("sli_query", slo.sliQuery())
        .bind("description", slo.description())
        .bind("enabled", slo.enabled())
        .bind("time_zone", slo.timeZone().getId())
        .bind("budgeting_method", slo.budgetingMethod().name())
        .bind(
            "timeslice_length",
            slo.timesliceLength() == null ? null : slo.timesliceLength().toString())
        .bind("timeslice_target_percentage", slo.timesliceTargetPercentage())
        .bind("no_data", slo.noData().name())
        .bind("warning_below", slo.thresholds().warningBelow())
        .bind("critical_below", slo.thresholds().criticalBelow())
        .bind("sli", SliJson.encode(slo));
  }

  private static Slo read(ResultSet rs) throws SQLException {
    String id = rs.getString("slo_id");
    String slice = rs.getString("timeslice_length");
    String sli = rs.getString("sli");
    return Slo.builder()
        .sloId(id)
        .sloName(rs.getString("slo_name"))
        .serviceName(rs.getString("service_name"))
        .sloType(SloType.valueOf(rs.getString("slo_type")))
        .targetPercentage(rs.getDouble("target_percentage"))
        .timePeriod(TimePeriod.valueOf(rs.getString("time_period")))
        .sliQuery(rs.getString("sli_query"))
        .description(rs.getString("description"))
        .enabled(rs.getBoolean("enabled"))
        .timeZone(ZoneId.of(rs.getString("time_zone")))
        .budgetingMethod(BudgetingMethod.valueOf(rs.getString("budgeting_method")))
        .timesliceLength(slice == null ? null : Duration.parse(slice))
        .timesliceTargetPercentage(rs.getObject("timeslice_target_percentage", Double.class))
        .noData(NoDataPolicy.valueOf(rs.getString("no_data")))
        .thresholds(
            new StatusThresholds(rs.getDouble("warning_below"), rs.getDouble("critical_below")))
        .sli(SliJson.decode(sli, id))
        .composite(SliJson.composite(sli, id))
        .groupBy(SliJson.groupBy(sli, id))
        .maxGroups(SliJson.maxGroups(sli, id))
        .build();
  }
}
