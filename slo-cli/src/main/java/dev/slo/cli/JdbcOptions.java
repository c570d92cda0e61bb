package dev.slo.cli;

import dev.slo.jdbc.JdbcStore;
import picocli.CommandLine.Option;

/** The {@code --jdbc} option; the store opens on first use and closes with {@link #close()}. */
public final class JdbcOptions implements AutoCloseable {
  @Option(
      names = "--jdbc",
      paramLabel = "URL",
      description =
          "PostgreSQL store: jdbc:postgresql://host:port/db?user=...&password=... (the password"
              + " may come from PGPASSWORD instead). Migrations are applied on open.")
  String url;

  private JdbcStore store;

  /** True when {@code --jdbc} was given. */
  public boolean given() {
    return url != null;
  }

  /** The open store. */
  public JdbcStore store() {
    if (store == null) {
      store = JdbcStore.open(url);
    }
    return store;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
