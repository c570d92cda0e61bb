package dev.slo.interop;

import dev.slo.core.model.Slo;
import org.jspecify.annotations.Nullable;

/**
 * One SLO read from a spec, with where it came from.
 *
 * @param slo the SLO in slo's model
 * @param format the format it was written in
 * @param source the file
 * @param line the line of the object (or objective) that defines it
 * @param sloth Sloth's labels and alerting settings for a Sloth SLO, else null
 */
public record Loaded(
    Slo slo, Format format, String source, int line, @Nullable SlothAlerting sloth) {
  /** A Loaded without Sloth settings. */
  public Loaded(Slo slo, Format format, String source, int line) {
    this(slo, format, source, line, null);
  }
}
