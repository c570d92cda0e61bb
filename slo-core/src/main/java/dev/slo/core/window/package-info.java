/** Time windows: left-open right-closed intervals, period boundaries and duration text. */
package dev.slo.core.window;
