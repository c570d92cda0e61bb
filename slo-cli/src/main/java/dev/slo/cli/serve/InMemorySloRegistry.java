package dev.slo.cli.serve;

import dev.slo.core.model.Slo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link SloRegistry}, in memory. Thread-safe: writes are synchronized and publish an
 * immutable snapshot, so reads never lock.
 */
public final class InMemorySloRegistry implements SloRegistry {
  private volatile Map<String, Slo> slos = Map.of();
  private volatile List<Slo> ordered = List.of();
  private final Map<String, List<AlertRule>> rules = new LinkedHashMap<>();

  /** A registry holding the given SLOs. */
  public InMemorySloRegistry(List<Slo> initial) {
    initial.forEach(this::add);
  }

  @Override
  public synchronized boolean add(Slo slo) {
    if (slos.containsKey(slo.sloId())) {
      return false;
    }
    Map<String, Slo> next = new LinkedHashMap<>(slos);
    next.put(slo.sloId(), slo);
    List<Slo> list = new ArrayList<>(ordered);
    list.add(slo);
    slos = Map.copyOf(next);
    ordered = List.copyOf(list);
    return true;
  }

  @Override
  public Optional<Slo> find(String sloId) {
    return Optional.ofNullable(slos.get(sloId));
  }

  @Override
  public List<Slo> all() {
    return ordered;
  }

  @Override
  public synchronized void addAlertRule(AlertRule rule) {
    rules.computeIfAbsent(rule.sloId(), k -> new ArrayList<>()).add(rule);
  }

  @Override
  public synchronized List<AlertRule> alertRules(String sloId) {
    return List.copyOf(rules.getOrDefault(sloId, List.of()));
  }
}
