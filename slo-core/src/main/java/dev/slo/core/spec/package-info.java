/**
 * The spec codec: YAML or JSON files with a top-level {@code slos:} list in snake_case field names,
 * parsed with line numbers so that every problem names file, line and field. Jackson lives here
 * only; the math never touches it.
 */
@NullMarked
package dev.slo.core.spec;

import org.jspecify.annotations.NullMarked;
