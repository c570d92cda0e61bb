/**
 * The user's files on disk: {@link dev.slo.interop.io.InputFiles} opens specs, data and token files
 * with one-line errors (missing, unreadable, not UTF-8, a FIFO with no writer), and {@link
 * dev.slo.interop.io.OutputTarget} writes reports, rules, dashboards and converted specs, replacing
 * a regular file atomically. Every message names the file; one that concerns an option names it as
 * the caller passes it.
 */
package dev.slo.interop.io;
