/**
 * Grouped SLOs (issue 12, docs/spec.md "Grouping"): the one function every command calls to turn an
 * SLO with {@code group_by} into its per-group SLOs, discovered from the event source, sorted and
 * capped by {@code max_groups}.
 */
@NullMarked
package dev.slo.core.group;

import org.jspecify.annotations.NullMarked;
