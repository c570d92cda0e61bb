package dev.slo.core.store;

import dev.slo.core.eval.SloStatus;
import dev.slo.core.model.Slo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@link SloRepository} in memory. Thread-safe: writes are synchronized and publish an immutable
 * copy, so reads never lock.
 */
final class InMemorySloRepository implements SloRepository {
  private volatile Map<String, Slo> slos = Map.of();
  private final Map<String, SloStatus> statuses = new TreeMap<>();
  private Consumer<String> onDelete = id -> {};

  void onDelete(Consumer<String> action) {
    this.onDelete = action;
  }

  @Override
  public synchronized Slo create(Slo slo) {
    if (slos.containsKey(slo.sloId())) {
      throw new ConflictException(
          "\"" + slo.sloId() + "\" is an existing slo_id; slo_ids are unique");
    }
    Map<String, Slo> next = new TreeMap<>(slos);
    next.put(slo.sloId(), slo);
    slos = java.util.Collections.unmodifiableMap(next);
    return slo;
  }

  @Override
  public synchronized Slo update(Slo slo) {
    if (!slos.containsKey(slo.sloId())) {
      throw new NotFoundException("\"" + slo.sloId() + "\" is not a stored slo_id");
    }
    Map<String, Slo> next = new TreeMap<>(slos);
    next.put(slo.sloId(), slo);
    slos = java.util.Collections.unmodifiableMap(next);
    return slo;
  }

  @Override
  public Optional<Slo> get(String sloId) {
    return Optional.ofNullable(slos.get(sloId));
  }

  @Override
  public List<Slo> list(SloFilter filter) {
    List<Slo> out = new ArrayList<>();
    for (Slo s : slos.values()) {
      if (filter.serviceName() != null && !filter.serviceName().equals(s.serviceName())
          || filter.sloType() != null && filter.sloType() != s.sloType()) {
        continue;
      }
      if (filter.status() != null) {
        SloStatus st = status(s.sloId()).orElse(null);
        if (st == null || st.status() != filter.status()) {
          continue;
        }
      }
      out.add(s);
    }
    return out;
  }

  @Override
  public boolean delete(String sloId) {
    synchronized (this) {
      if (!slos.containsKey(sloId)) {
        return false;
      }
      Map<String, Slo> next = new TreeMap<>(slos);
      next.remove(sloId);
      slos = java.util.Collections.unmodifiableMap(next);
      statuses.remove(sloId);
    }
    onDelete.accept(sloId);
    return true;
  }

  @Override
  public synchronized void saveStatus(SloStatus status) {
    if (!slos.containsKey(status.sloId())) {
      throw new NotFoundException("\"" + status.sloId() + "\" is not a stored slo_id");
    }
    SloStatus old = statuses.get(status.sloId());
    if (old == null || !status.lastUpdated().isBefore(old.lastUpdated())) {
      statuses.put(status.sloId(), status);
    }
  }

  @Override
  public synchronized Optional<SloStatus> status(String sloId) {
    return Optional.ofNullable(statuses.get(sloId));
  }
}
