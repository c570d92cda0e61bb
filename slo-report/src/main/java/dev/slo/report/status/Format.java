package dev.slo.report.status;

/** Formats of the status output ({@code slo eval --format}). */
public enum Format {
  TABLE,
  JSON,
  YAML,
  MARKDOWN
}
