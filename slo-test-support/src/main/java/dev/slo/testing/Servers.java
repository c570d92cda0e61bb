package dev.slo.testing;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test whose server (PostgreSQL, Prometheus, Alertmanager, Chromium, ...) is missing, with
 * a message naming it; under {@code CI=true} the test fails instead, so a CI run can never pass by
 * skipping what it was meant to test.
 */
public final class Servers {
  private Servers() {}

  /** True when the environment says this is a CI run ({@code CI=true}). */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Continues when {@code present}; otherwise skips (fails under CI) with {@code missing}.
   *
   * @param missing what is missing and how to get it, e.g. "prometheus not installed: apt-get
   *     install prometheus"
   */
  public static void require(boolean present, @Nullable String missing) {
    if (present) {
      return;
    }
    if (isCi()) {
      Assertions.fail("CI=true and a server the test needs is missing: " + missing);
    }
    Assumptions.assumeTrue(false, missing);
  }

  /**
   * Waits up to 60 s for {@code health} to answer 200, failing with the server's log when the
   * process exits first.
   */
  static void awaitReady(Process process, java.net.URI health, java.nio.file.Path log, String name)
      throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited: " + java.nio.file.Files.readString(log));
      }
      try {
        java.net.http.HttpResponse<String> r =
            http.send(
                java.net.http.HttpRequest.newBuilder(health).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " not ready within 60 s");
  }

  /** Stops a server process: SIGTERM, then SIGKILL after 20 s. */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The first line of a message, for one-line skip reasons. */
  static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** A JDBC URL with its password (in userinfo or a password parameter) masked. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***")
        .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }
}
