/** Time windows: left-open right-closed intervals, period boundaries and duration text. */
@NullMarked
package dev.slo.core.window;

import org.jspecify.annotations.NullMarked;
