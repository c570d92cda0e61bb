package dev.slo.server;

import dev.slo.core.SourceException;
import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.SliHistory;
import dev.slo.core.store.SloRepository;
import dev.slo.core.store.SloStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A store that fails like one whose database connection was lost: while {@link #down} is set, every
 * call throws the {@link SourceException} the JDBC store throws then.
 */
final class FailingStore implements SloStore {
  private final SloStore delegate;
  volatile boolean down;

  FailingStore(SloStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public SloRepository slos() {
    return failing(SloRepository.class, delegate.slos());
  }

  @Override
  public AlertRuleRepository alertRules() {
    return failing(AlertRuleRepository.class, delegate.alertRules());
  }

  @Override
  public SliHistory history() {
    return failing(SliHistory.class, delegate.history());
  }

  private <T> T failing(Class<T> type, T target) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (down) {
                throw new SourceException(
                    "cannot reach PostgreSQL at 127.0.0.1:5432/slo: Connection refused");
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
