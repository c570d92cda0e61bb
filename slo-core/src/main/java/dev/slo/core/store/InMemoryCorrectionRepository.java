package dev.slo.core.store;

import dev.slo.core.correction.Correction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link CorrectionRepository} in memory. Thread-safe: every method is synchronized. */
final class InMemoryCorrectionRepository implements CorrectionRepository {
  private final SloRepository slos;
  private final Map<String, Correction> byId = new LinkedHashMap<>();

  InMemoryCorrectionRepository(SloRepository slos) {
    this.slos = slos;
  }

  @Override
  public synchronized Correction create(Correction c) {
    if (c.scope().service() == null) {
      for (String id : c.scope().sloIds()) {
        if (slos.get(id).isEmpty()) {
          throw new NotFoundException(
              "\"" + id + "\" is not a stored slo_id: create the SLO before its corrections");
        }
      }
    } else if (slos.list(new SloFilter(c.scope().service(), null, null)).isEmpty()) {
      throw new NotFoundException(
          "\"" + c.scope().service() + "\" is not the service_name of any stored SLO");
    }
    if (byId.containsKey(c.id())) {
      throw new ConflictException("\"" + c.id() + "\" is an existing correction id");
    }
    byId.put(c.id(), c);
    return c;
  }

  @Override
  public synchronized List<Correction> list() {
    List<Correction> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing(Correction::start).thenComparing(Correction::id));
    return List.copyOf(out);
  }

  @Override
  public synchronized Optional<Correction> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized boolean delete(String id) {
    return byId.remove(id) != null;
  }
}
