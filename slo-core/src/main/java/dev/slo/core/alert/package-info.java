/** Multi-window multi-burn-rate alert math: tiers scaled to any period. */
@NullMarked
package dev.slo.core.alert;

import org.jspecify.annotations.NullMarked;
