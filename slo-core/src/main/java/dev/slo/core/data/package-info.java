/** The embedded default source's data files: CSV or JSON Lines of event counts per SLO. */
@NullMarked
package dev.slo.core.data;

import org.jspecify.annotations.NullMarked;
