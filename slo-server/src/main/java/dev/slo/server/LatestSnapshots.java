package dev.slo.server;

import dev.slo.core.SourceException;
import dev.slo.core.model.Slo;
import dev.slo.core.store.SloFilter;
import dev.slo.core.store.SloStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The latest {@link Snapshot} of each SLO and group a {@link Monitor} evaluates, by id, and the
 * reads over them: one, or all in the store's order with each grouped SLO's groups after it.
 *
 * <p>Thread-safe: the monitor's pass writes, readers (the REST API, metrics) never lock.
 */
final class LatestSnapshots {
  private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
  private final SloStore store;
  private final GroupTracker groups;

  LatestSnapshots(SloStore store, GroupTracker groups) {
    this.store = store;
    this.groups = groups;
  }

  @Nullable Snapshot get(String id) {
    return snapshots.get(id);
  }

  void put(String id, Snapshot s) {
    snapshots.put(id, s);
  }

  void remove(String id) {
    snapshots.remove(id);
  }

  boolean containsKey(String id) {
    return snapshots.containsKey(id);
  }

  /** The snapshots at this moment, in no order. */
  Collection<Snapshot> values() {
    return snapshots.values();
  }

  /** The latest states, ordered by slo_id. */
  List<Snapshot> list() {
    List<Snapshot> out = new ArrayList<>();
    List<Slo> slos;
    try {
      slos = store.slos().list(SloFilter.ALL);
    } catch (SourceException e) {
      // the store is down: every SLO known from earlier passes
      out.addAll(new java.util.TreeMap<>(snapshots).values());
      return out;
    }
    for (Slo s : slos) {
      Snapshot x = snapshots.get(s.sloId());
      if (x != null) {
        out.add(x);
      }
      for (String g : groups.groups(s.sloId())) { // a grouped SLO's groups follow it
        Snapshot y = snapshots.get(g);
        if (y != null) {
          out.add(y);
        }
      }
    }
    return out;
  }
}
