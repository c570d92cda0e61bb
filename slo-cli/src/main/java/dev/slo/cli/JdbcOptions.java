package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.jdbc.JdbcStore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --jdbc} option; the store opens on first use and closes with {@link #close()}. */
public final class JdbcOptions implements AutoCloseable {
  @Option(
      names = "--jdbc",
      paramLabel = "URL",
      description =
          "PostgreSQL store: jdbc:postgresql://host:port/db?user=...&password=... (the password"
              + " may come from PGPASSWORD instead). Migrations are applied on open.")
  @Nullable String url;

  private @Nullable JdbcStore store;

  /** True when {@code --jdbc} was given. */
  public boolean given() {
    return url != null;
  }

  /** Refuses a missing {@code --jdbc}, for a command that needs the database. */
  public void require() {
    if (url == null) {
      throw new InvalidInputException("Missing required option: '--jdbc=URL'");
    }
  }

  /**
   * Refuses a missing {@code --jdbc}, runs {@code work} (which opens the store on its first {@link
   * #store()}) and closes the store after it, also when it throws.
   */
  public <T> T use(Supplier<T> work) {
    require();
    try {
      return work.get();
    } finally {
      close();
    }
  }

  /** The open store. */
  public JdbcStore store() {
    JdbcStore s = store;
    if (s == null) {
      // without --jdbc, "" gets the same "no JDBC URL given" error (exit code 2) null did
      s = JdbcStore.open(url == null ? "" : url);
      store = s;
    }
    return s;
  }

  @Override
  public void close() {
    JdbcStore s = store;
    if (s != null) {
      s.close();
      store = null;
    }
  }
}
