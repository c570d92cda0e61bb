/** Multi-window multi-burn-rate alert math: tiers scaled to any period. */
package dev.slo.core.alert;
