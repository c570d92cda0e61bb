package dev.slo.interop;

import dev.slo.core.spec.SpecProblem;
import dev.slo.interop.io.OutputTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything one conversion of read specs writes: the files by name and every warning about what is
 * lost, the readers' warnings first (in the order read), then each file's writer's warnings (in
 * file order). Immutable.
 *
 * @param files the converted texts by file name, in writing order
 * @param warnings one line per dropped or approximated field
 */
public record Conversion(Map<String, Converter.Output> files, List<String> warnings) {
  /** Copies the map (keeping its order) and the list. */
  public Conversion {
    files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    warnings = List.copyOf(warnings);
  }

  /**
   * Converts the specs {@code read} holds to {@code target}: one file per SLO or service ({@link
   * Converter#convertPerFile}) when {@code perFile}, else everything as one {@code slos.yaml}.
   * Readers' errors are not looked at; the caller refuses a result that has any.
   */
  public static Conversion of(SpecLoader.Result read, Converter.Target target, boolean perFile) {
    Map<String, Converter.Output> files =
        perFile
            ? Converter.convertPerFile(read.loaded(), target)
            : Map.of("slos.yaml", Converter.convert(read.loaded(), target));
    List<String> warnings = new ArrayList<>();
    for (SpecProblem w : read.problems().warnings()) {
      warnings.add(w.toString());
    }
    files.values().forEach(o -> warnings.addAll(o.warnings()));
    return new Conversion(files, warnings);
  }

  /**
   * Writes the files as {@link OutputTarget#write} writes one: with {@code perFile}, each into the
   * directory {@code out} under its name; else each to {@code out} (null or {@code -}: {@code
   * stdout}). {@code option} names {@code out} in messages.
   *
   * @throws dev.slo.core.InvalidInputException when a file cannot be written, naming {@code option}
   */
  public void write(String option, @Nullable Path out, boolean perFile, PrintWriter stdout) {
    for (Map.Entry<String, Converter.Output> e : files.entrySet()) {
      Path file = perFile && out != null ? out.resolve(e.getKey()) : out;
      OutputTarget.write(option, file, e.getValue().text(), stdout);
    }
  }

  /**
   * Why a strict conversion (one that must lose nothing) writes nothing, or empty when no field was
   * dropped or approximated: {@code 3 fields were dropped or approximated; nothing written}.
   */
  public java.util.Optional<String> strictRefusal() {
    int n = warnings.size();
    return n == 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            n
                + " field"
                + (n == 1 ? " was" : "s were")
                + " dropped or approximated; nothing written");
  }
}
