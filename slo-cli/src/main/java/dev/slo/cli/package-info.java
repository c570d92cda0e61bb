/** The {@code slo} command line: thin picocli commands over the library. */
package dev.slo.cli;
