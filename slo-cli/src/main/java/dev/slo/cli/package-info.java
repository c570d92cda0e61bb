/** The {@code slo} command line: thin picocli commands over the library. */
@NullMarked
package dev.slo.cli;

import org.jspecify.annotations.NullMarked;
