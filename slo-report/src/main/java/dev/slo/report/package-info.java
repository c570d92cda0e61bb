/**
 * {@code slo report} (HTML, Markdown and JSON reports with burn-down charts) and {@code slo
 * dashboard} (a Grafana dashboard over the recording rules of {@code slo rules}).
 */
@NullMarked
package dev.slo.report;

import org.jspecify.annotations.NullMarked;
