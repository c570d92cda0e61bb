package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.jdbc.StoreOnDemand;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --jdbc} option; the store opens on first use and closes with {@link #close()}. */
public final class JdbcOptions extends StoreOnDemand {
  @Option(
      names = "--jdbc",
      paramLabel = "URL",
      description =
          "PostgreSQL store: jdbc:postgresql://host:port/db?user=...&password=... (the password"
              + " may come from PGPASSWORD instead). Migrations are applied on open.")
  @Nullable String url;

  @Override
  protected @Nullable String jdbcUrl() {
    return url; // without --jdbc, the same "no JDBC URL given" error (exit code 2) as ""
  }

  /** True when {@code --jdbc} was given. */
  public boolean given() {
    return url != null;
  }

  /** Refuses a missing {@code --jdbc}, then runs {@code work} as {@link StoreOnDemand#use}. */
  @Override
  public <T> T use(Supplier<T> work) {
    if (url == null) {
      throw new InvalidInputException("Missing required option: '--jdbc=URL'");
    }
    return super.use(work);
  }
}
