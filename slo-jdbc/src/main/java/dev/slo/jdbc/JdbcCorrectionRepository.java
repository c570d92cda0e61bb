package dev.slo.jdbc;

import dev.slo.core.InvalidInputException;
import dev.slo.core.correction.Correction;
import dev.slo.core.correction.CorrectionCategory;
import dev.slo.core.correction.CorrectionScope;
import dev.slo.core.correction.Recurrence;
import dev.slo.core.store.ConflictException;
import dev.slo.core.store.CorrectionRepository;
import dev.slo.core.store.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** {@link CorrectionRepository} on {@code slo_corrections} (migration 6). Thread-safe. */
final class JdbcCorrectionRepository implements CorrectionRepository {
  private static final String COLUMNS =
      "id, slo_ids, service, start_time, duration_ns, time_zone, category, description, rrule";

  private final Db db;

  JdbcCorrectionRepository(Db db) {
    this.db = db;
  }

  @Override
  public Correction create(Correction c) {
    if (c.start().getNano() % 1000 != 0) {
      throw new InvalidInputException(
          c.start() + " is not a storable start: PostgreSQL keeps microseconds, not nanoseconds");
    }
    StorableText.require(c.description(), "description", "correction " + c.id());
    boolean inserted =
        db.transaction(
            "creating correction " + c.id(),
            h -> {
              requireScope(h, c.scope());
              return h.createUpdate(
                          "INSERT INTO slo_corrections ("
                              + COLUMNS
                              + ") VALUES (:id, CAST(:ids AS text[]), :service, :start, :ns,"
                              + " :zone, :category, :description, :rrule)"
                              + " ON CONFLICT (id) DO NOTHING")
                      .bind("id", c.id())
                      .bindArray("ids", String.class, new TreeSet<>(c.scope().sloIds()))
                      .bind("service", c.scope().service())
                      .bind("start", Timestamp.from(c.start()))
                      .bind("ns", c.duration().toNanos())
                      .bind("zone", c.timeZone().getId())
                      .bind("category", c.category().name())
                      .bind("description", c.description())
                      .bind("rrule", c.recurrence() == null ? null : c.recurrence().text())
                      .execute()
                  > 0;
            });
    if (!inserted) {
      throw new ConflictException(
          "\"" + c.id() + "\" is not a new correction id: one with it exists in slo_corrections");
    }
    return c;
  }

  private static void requireScope(Handle h, CorrectionScope scope) {
    if (scope.service() != null) {
      boolean any =
          h.createQuery("SELECT EXISTS (SELECT 1 FROM slos WHERE service_name = :s)")
              .bind("s", scope.service())
              .mapTo(Boolean.class)
              .one();
      if (!any) {
        throw new NotFoundException(
            "\"" + scope.service() + "\" is not the service_name of any stored SLO");
      }
      return;
    }
    Set<String> stored =
        new LinkedHashSet<>(
            h.createQuery("SELECT slo_id FROM slos WHERE slo_id = ANY(CAST(:ids AS text[]))")
                .bindArray("ids", String.class, scope.sloIds())
                .mapTo(String.class)
                .list());
    for (String id : new TreeSet<>(scope.sloIds())) {
      if (!stored.contains(id)) {
        throw new NotFoundException(
            "\"" + id + "\" is not a stored slo_id: create the SLO before its corrections");
      }
    }
  }

  @Override
  public List<Correction> list() {
    // plain JDBC: read by every `slo eval --jdbc` (see PlainSql)
    return db.plain(
        "listing the corrections",
        c -> {
          List<Correction> out = new ArrayList<>();
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT " + COLUMNS + " FROM slo_corrections ORDER BY start_time, id")) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
          return out;
        });
  }

  @Override
  public Optional<Correction> find(String id) {
    return db.call(
        "reading correction " + id,
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM slo_corrections WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne());
  }

  @Override
  public boolean delete(String id) {
    return db.call(
        "deleting correction " + id,
        h ->
            h.createUpdate("DELETE FROM slo_corrections WHERE id = :id").bind("id", id).execute()
                > 0);
  }

  private static Correction read(ResultSet rs) throws SQLException {
    Array ids = rs.getArray("slo_ids");
    String service = rs.getString("service");
    Set<String> sloIds = new TreeSet<>(Arrays.asList((String[]) ids.getArray()));
    String rule = rs.getString("rrule");
    return new Correction(
        rs.getString("id"),
        service == null ? CorrectionScope.slos(sloIds) : CorrectionScope.service(service),
        JdbcSloRepository.requiredInstant(rs, "start_time"),
        Duration.ofNanos(rs.getLong("duration_ns")),
        ZoneId.of(rs.getString("time_zone")),
        CorrectionCategory.valueOf(rs.getString("category").toUpperCase(Locale.ROOT)),
        rs.getString("description"),
        rule == null ? null : Recurrence.parse(rule));
  }
}
