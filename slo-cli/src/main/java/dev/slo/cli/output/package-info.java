/** Renders evaluations as a table, JSON, YAML or Markdown, and events as JSON Lines. */
package dev.slo.cli.output;
