package dev.slo.cli;

import dev.slo.core.spec.Spec;
import dev.slo.interop.SpecLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place commands read {@code --spec}: files or directories in any supported format (ours,
 * OpenSLO, Sloth, Pyrra; docs/formats.md), mixed. Warnings (dropped or approximated fields) go to
 * {@code err} as {@code slo: warning:} lines; errors throw.
 */
public final class SpecFiles {
  private SpecFiles() {}

  /**
   * Reads the specs.
   *
   * @param err where warnings go; null to drop them
   * @throws dev.slo.core.spec.SpecException listing every error (exit code 2)
   * @throws dev.slo.core.InvalidInputException for a missing or unreadable path (exit code 2)
   */
  public static Spec load(List<Path> paths, @org.jspecify.annotations.Nullable PrintWriter err) {
    java.util.function.Consumer<String> sink = err == null ? w -> {} : warnings(err);
    return SpecLoader.spec(paths, w -> sink.accept(w.toString()));
  }

  /** Prints each warning from a library as one {@code slo: warning:} line on {@code err}. */
  static java.util.function.Consumer<String> warnings(PrintWriter err) {
    return w -> {
      err.println("slo: warning: " + w);
      err.flush();
    };
  }
}
