package dev.slo.cli.output;

/** Output formats of {@code slo eval}. */
public enum Format {
  TABLE,
  JSON,
  YAML,
  MARKDOWN
}
