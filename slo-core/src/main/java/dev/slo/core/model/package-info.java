/** The SLO model: the seed's fields and enums as immutable, validated values. */
package dev.slo.core.model;
