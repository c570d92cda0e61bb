package dev.slo.interop;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One line per spec file read without errors, as {@code slo validate} prints it: {@code FILE:
 * valid, 3 SLOs (2 enabled), 1 correction, openslo/v1}. The corrections part is left out when the
 * file has none, the version when the file is in our native format or holds no SLO. Files with an
 * error get no line (their errors say why). Thread-safe; no state.
 */
public final class SpecSummary {
  private SpecSummary() {}

  /**
   * What checking spec files finds, each line escaped ({@link Printable#escape}) to print on one
   * terminal line.
   *
   * @param warnings one line per dropped or approximated field, in the order read
   * @param errors one line per error ({@code file:line: field: message}), or the one line naming a
   *     path that is missing or unreadable
   * @param valid one line per file read without errors ({@link #valid})
   */
  public record Check(List<String> warnings, List<String> errors, List<String> valid) {
    /** Copies the lists. */
    public Check {
      warnings = List.copyOf(warnings);
      errors = List.copyOf(errors);
      valid = List.copyOf(valid);
    }
  }

  /**
   * Reads the spec files or directories in {@code paths} (any supported format) and checks them.
   */
  public static Check check(List<Path> paths) {
    SpecLoader.Result r;
    try {
      r = SpecLoader.load(paths);
    } catch (InvalidInputException e) {
      return new Check(List.of(), List.of(Printable.escape(e.getMessage())), List.of());
    }
    return new Check(
        r.problems().warnings().stream().map(w -> Printable.escape(w.toString())).toList(),
        r.problems().errors().stream().map(e -> Printable.escape(e.toString())).toList(),
        valid(r));
  }

  /**
   * The lines, in the order the files were read; each file name is escaped ({@link
   * Printable#escape}) so that a line prints on one terminal line.
   */
  public static List<String> valid(SpecLoader.Result r) {
    Map<String, List<Loaded>> bySource = new LinkedHashMap<>();
    r.sources().forEach(source -> bySource.put(source, new ArrayList<>()));
    r.loaded().forEach(l -> Objects.requireNonNull(bySource.get(l.source()), "source").add(l));
    Set<String> failed = new HashSet<>();
    r.problems().errors().forEach(e -> failed.add(e.source()));
    List<String> lines = new ArrayList<>();
    bySource.forEach(
        (source, loaded) -> {
          if (!failed.contains(source)) {
            lines.add(line(source, loaded, r.correctionsPerSource().getOrDefault(source, 0)));
          }
        });
    return List.copyOf(lines);
  }

  private static String line(String source, List<Loaded> loaded, int corrections) {
    long enabled = loaded.stream().filter(l -> l.slo().enabled()).count();
    return Printable.escape(source)
        + ": valid, "
        + plural(loaded.size(), "SLO")
        + " ("
        + enabled
        + " enabled)"
        + (corrections == 0 ? "" : ", " + plural(corrections, "correction"))
        + (loaded.isEmpty() || loaded.get(0).format() == Format.NATIVE
            ? ""
            : ", " + loaded.get(0).format().version());
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
