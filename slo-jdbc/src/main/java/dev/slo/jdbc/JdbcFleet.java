package dev.slo.jdbc;

import dev.slo.core.SourceException;
import dev.slo.core.store.FleetCoordinator;
import dev.slo.core.store.Shards;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Fleet membership and shard ownership through PostgreSQL (docs/serve.md, "A fleet of replicas"),
 * on one dedicated connection per replica. The replica owns shard {@code s} while that session
 * holds {@code pg_try_advisory_lock(key, s)}, {@code key} being derived from the current schema, so
 * replicas of one schema form one fleet and a session that dies releases its shards at once. Live
 * replicas are the rows of {@code slo_fleet_members} with a heartbeat newer than three intervals
 * whose session still holds the fleet's shared member lock; each aims at its {@link
 * Shards#fairShare} by replica_id order. A failed call drops the connection and every shard; the
 * next {@link #rebalance} reconnects and claims again. Thread-safe (calls are serialized).
 */
public final class JdbcFleet implements FleetCoordinator {
  /** The lock id, next to the shards' 0 to 63, that every live replica holds in shared mode. */
  private static final int MEMBER_LOCK = Shards.COUNT;

  private static final String LOCKS =
      "SELECT l.objid::bigint, l.pid FROM pg_locks l WHERE l.locktype = 'advisory'"
          + " AND l.granted AND l.objsubid = 2 AND l.classid::bigint = ?"
          + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

  private final IdleConnections.Opener opener;
  private final String target;
  private final String replicaId;
  private final Duration interval;
  private final TreeSet<Integer> owned = new TreeSet<>();
  private volatile Set<Integer> ownedView = Set.of();
  private volatile @Nullable Connection conn;
  private volatile boolean released;
  private int key;
  private int pid;
  private boolean closed;

  JdbcFleet(IdleConnections.Opener opener, String target, String replicaId, Duration interval) {
    this.opener = opener;
    this.target = target;
    this.replicaId = Objects.requireNonNull(replicaId, "replicaId");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (replicaId.isBlank() || replicaId.length() > 200) {
      throw new IllegalArgumentException(
          "\"" + replicaId + "\" is not a replica id: use 1 to 200 characters, not all blank");
    }
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException(interval + " is not a fleet interval: use a positive one");
    }
  }

  @Override
  public String replicaId() {
    return replicaId;
  }

  @Override
  public Set<Integer> owned() {
    return ownedView;
  }

  /** The backend process id of the fleet connection, 0 when not connected. */
  public synchronized int backendPid() {
    return conn == null ? 0 : pid;
  }

  /**
   * The fleet key and backend pid of the session holding this replica's shard locks, for {@link
   * JdbcOutbox} to check ownership inside its transactions; null when not connected.
   */
  synchronized int @Nullable [] fence() {
    return conn == null || released ? null : new int[] {key, pid};
  }

  @Override
  public synchronized Set<Integer> rebalance(Instant now) {
    if (closed) {
      return Set.of();
    }
    try {
      if (released) {
        released = false;
        lose();
      }
      if (conn == null) {
        connect();
      }
      heartbeat(now);
      List<String> live = live(now);
      if (!live.contains(replicaId)) {
        live.add(replicaId);
        Collections.sort(live);
      }
      int share = Shards.fairShare(live.size(), live.indexOf(replicaId));
      while (owned.size() > share) {
        int s = owned.last();
        unlock(s);
        owned.remove(s);
      }
      if (owned.size() < share) {
        claim(share);
      }
      ownedView = Set.copyOf(owned);
      return ownedView;
    } catch (SQLException | RuntimeException e) {
      lose();
      throw new SourceException(
          "lost the fleet connection to PostgreSQL at "
              + target
              + " ("
              + Failures.firstLine(e.getMessage())
              + "): every shard is released until it reconnects",
          e);
    }
  }

  private void connect() throws SQLException {
    Connection c = opener.open();
    try {
      c.setAutoCommit(true);
      try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT hashtext(? || current_schema()) & 2147483647, pg_backend_pid()");
          ResultSet rs = query(st, "dev.slo.fleet:")) {
        rs.next();
        key = rs.getInt(1);
        pid = rs.getInt(2);
      }
      try (PreparedStatement st = c.prepareStatement("SELECT pg_advisory_lock_shared(?, ?)")) {
        st.setInt(1, key);
        st.setInt(2, MEMBER_LOCK);
        st.executeQuery().close();
      }
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    conn = c;
    owned.clear();
  }

  private static ResultSet query(PreparedStatement st, String param) throws SQLException {
    st.setString(1, param);
    return st.executeQuery();
  }

  private Connection connected() throws SQLException {
    Connection c = conn;
    if (c == null) {
      throw new SQLException("not connected");
    }
    return c;
  }

  private void heartbeat(Instant now) throws SQLException {
    try (PreparedStatement st =
        connected()
            .prepareStatement(
                "INSERT INTO slo_fleet_members (replica_id, heartbeat_at, backend_pid)"
                    + " VALUES (?, ?, ?) ON CONFLICT (replica_id) DO UPDATE"
                    + " SET heartbeat_at = excluded.heartbeat_at, backend_pid = excluded.backend_pid")) {
      st.setString(1, replicaId);
      st.setTimestamp(2, Timestamp.from(now));
      st.setInt(3, pid);
      st.executeUpdate();
    }
    try (PreparedStatement st =
        connected().prepareStatement("DELETE FROM slo_fleet_members WHERE heartbeat_at < ?")) {
      st.setTimestamp(1, Timestamp.from(now.minus(interval.multipliedBy(10))));
      st.executeUpdate();
    }
  }

  /** Live replica ids in replica_id order. */
  private List<String> live(Instant now) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement st =
        connected()
            .prepareStatement(
                "SELECT m.replica_id FROM slo_fleet_members m WHERE m.heartbeat_at > ?"
                    + " AND m.backend_pid IN (SELECT pid FROM ("
                    + LOCKS
                    + ") AS k (objid, pid) WHERE k.objid = ?) ORDER BY m.replica_id COLLATE \"C\"")) {
      st.setTimestamp(1, Timestamp.from(now.minus(interval.multipliedBy(3))));
      st.setLong(2, key);
      st.setLong(3, MEMBER_LOCK);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Tries free shards in ascending order until this replica owns {@code share}. */
  private void claim(int share) throws SQLException {
    Set<Integer> held = new HashSet<>();
    try (PreparedStatement st = connected().prepareStatement(LOCKS)) {
      st.setLong(1, key);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          held.add((int) rs.getLong(1));
        }
      }
    }
    try (PreparedStatement st = connected().prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      for (int s = 0; s < Shards.COUNT && owned.size() < share; s++) {
        if (held.contains(s)) {
          continue;
        }
        st.setInt(1, key);
        st.setInt(2, s);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            owned.add(s);
          }
        }
      }
    }
  }

  private void unlock(int shard) throws SQLException {
    try (PreparedStatement st = connected().prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      st.setInt(1, key);
      st.setInt(2, shard);
      st.executeQuery().close();
    }
  }

  /**
   * Closes the fleet connection without waiting for a rebalance in flight (closing its socket ends
   * it), so that PostgreSQL ends the session and drops its shard locks; the next {@link #rebalance}
   * reconnects and claims again.
   */
  @Override
  public void release() {
    released = true;
    ownedView = Set.of();
    Connection c = conn;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // broken already; the server ends the session and releases its locks
      }
    }
  }

  private void lose() {
    owned.clear();
    ownedView = Set.of();
    Connection c = conn;
    conn = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // broken already; the server releases the session's locks
      }
    }
  }

  /** Deletes this replica's heartbeat, unlocks its shards and closes the connection. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (conn != null) {
      try (PreparedStatement st =
          connected().prepareStatement("DELETE FROM slo_fleet_members WHERE replica_id = ?")) {
        st.setString(1, replicaId);
        st.executeUpdate();
      } catch (SQLException ignored) {
        // closing the session below releases the locks; the row ages out
      }
      try (PreparedStatement st = conn.prepareStatement("SELECT pg_advisory_unlock_all()")) {
        // at once, rather than when the server notices the closed session a moment later
        st.executeQuery().close();
      } catch (SQLException ignored) {
        // closing the session below releases them
      }
    }
    lose();
  }
}
