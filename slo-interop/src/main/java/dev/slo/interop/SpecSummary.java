package dev.slo.interop;

import dev.slo.core.Printable;
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
