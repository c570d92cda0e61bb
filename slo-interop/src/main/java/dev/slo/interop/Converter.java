package dev.slo.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
}
