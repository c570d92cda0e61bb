/** The SLO model: the fields and enums of docs/spec.md as immutable, validated values. */
@NullMarked
package dev.slo.core.model;

import org.jspecify.annotations.NullMarked;
