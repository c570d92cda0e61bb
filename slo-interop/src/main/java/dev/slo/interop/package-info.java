/**
 * Reads OpenSLO (v1, v1alpha, v2alpha), Sloth ({@code prometheus/v1}, {@code sloth.slok.dev/v1})
 * and Pyrra ({@code pyrra.dev/v1alpha1}) specs into slo's model, and writes the model back out as
 * native, OpenSLO or Sloth YAML. Problems name the format's own field paths with file and line;
 * anything that cannot be carried over is reported as a warning, never dropped silently.
 */
@NullMarked
package dev.slo.interop;

import org.jspecify.annotations.NullMarked;
