/** The SLO model: the fields and enums of docs/spec.md as immutable, validated values. */
package dev.slo.core.model;
