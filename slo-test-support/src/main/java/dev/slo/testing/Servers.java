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
