package dev.slo.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes loaded SLOs in a target format, with a warning line per dropped or approximated field. */
public final class Converter {
  /** The formats {@code slo convert} writes. */
  public enum Target {
    /** slo's own format. */
    NATIVE,
    /** OpenSLO v1. */
    OPENSLO,
    /** Sloth prometheus/v1. */
    SLOTH;

    /** The target named {@code text} (native, openslo, sloth), or an error listing them. */
    public static Target of(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new dev.slo.core.InvalidInputException(
            dev.slo.core.Printable.quote(text)
                + " is not a valid --to; use native, openslo or sloth",
            e);
      }
    }
  }

  /**
   * A converted spec.
   *
   * @param text the YAML
   * @param warnings one line per dropped or approximated field
   */
  public record Output(String text, List<String> warnings) {
    /** Copies the list. */
    public Output {
      warnings = List.copyOf(warnings);
    }
  }

  private Converter() {}

  /** Writes {@code loaded} as {@code target}. */
  public static Output convert(List<Loaded> loaded, Target target) {
    Warnings w = new Warnings();
    List<dev.slo.core.model.Slo> slos = new ArrayList<>();
    loaded.forEach(l -> slos.add(l.slo()));
    String text =
        switch (target) {
          case NATIVE -> NativeWriter.write(slos);
          case OPENSLO -> OpenSloWriter.write(slos, w);
          case SLOTH -> SlothWriter.write(loaded, w);
        };
    return new Output(text, w.lines());
  }

  /**
   * One output per file when writing into a directory: per SLO ({@code <slo_id>.yaml}) for OpenSLO,
   * per service ({@code <service>.yaml}, the Sloth file's own service when read from one) for
   * Sloth, and one {@code slos.yaml} for native; in the order first met.
   */
  public static Map<String, Output> convertPerFile(List<Loaded> loaded, Target target) {
    Map<String, Output> files = new LinkedHashMap<>();
    if (target == Target.NATIVE) {
      files.put("slos.yaml", convert(loaded, target));
      return files;
    }
    Map<String, List<Loaded>> groups = new LinkedHashMap<>();
    for (Loaded l : loaded) {
      String name =
          target == Target.OPENSLO
              ? l.slo().sloId()
              : (l.sloth() != null ? l.sloth().service() : l.slo().serviceName());
      groups.computeIfAbsent(name + ".yaml", k -> new ArrayList<>()).add(l);
    }
    groups.forEach((name, group) -> files.put(name, convert(group, target)));
    return files;
  }
}
