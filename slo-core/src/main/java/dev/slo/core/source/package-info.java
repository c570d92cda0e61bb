/**
 * Where events come from: the {@link dev.slo.core.source.EventSource} port that adapters implement,
 * exact event counts, and the in-memory series behind the embedded file source.
 */
@NullMarked
package dev.slo.core.source;

import org.jspecify.annotations.NullMarked;
