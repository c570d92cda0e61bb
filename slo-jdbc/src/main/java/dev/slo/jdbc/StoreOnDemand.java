package dev.slo.jdbc;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JdbcStore} opened on its first use and closed after a unit of work, for a process that
 * may or may not need the database (a command-line run: only the first {@link #store()} connects
 * and migrates, and a run that never asks opens nothing). A subclass says where the URL comes from.
 * Not thread-safe: one unit of work at a time.
 */
public abstract class StoreOnDemand implements AutoCloseable {
  private @Nullable JdbcStore store;

  /** For subclasses. */
  protected StoreOnDemand() {}

  /**
   * The JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}); null when none was given, which
   * {@link #store()} refuses as {@link JdbcStore#open(String)} refuses an empty URL.
   */
  protected abstract @Nullable String jdbcUrl();

  /**
   * The store, opened by the first call after construction or after {@link #close()}; later calls
   * return the same store.
   *
   * @throws dev.slo.core.InvalidInputException when no URL was given or it is not a PostgreSQL URL
   */
  public JdbcStore store() {
    JdbcStore s = store;
    if (s == null) {
      String url = jdbcUrl();
      s = JdbcStore.open(url == null ? "" : url);
      store = s;
    }
    return s;
  }

  /**
   * Runs {@code work} (which opens the store on its first {@link #store()}) and closes the store
   * after it, also when it throws.
   */
  public <T> T use(Supplier<T> work) {
    try {
      return work.get();
    } finally {
      close();
    }
  }

  /** Closes the store if one is open; the next {@link #store()} opens a new one. */
  @Override
  public void close() {
    JdbcStore s = store;
    if (s != null) {
      store = null;
      s.close();
    }
  }

  /** True when a store is open. */
  public boolean isOpen() {
    return store != null;
  }
}
