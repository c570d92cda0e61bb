/**
 * The status of evaluated SLOs as {@code slo eval} prints it: a table, JSON (the status objects of
 * docs/cli.md), YAML or Markdown, rendered by {@link dev.slo.report.status.Renderer} in one {@link
 * dev.slo.report.status.Format}. Pure functions of {@link dev.slo.core.eval.Evaluation}s.
 */
@NullMarked
package dev.slo.report.status;

import org.jspecify.annotations.NullMarked;
