/** The embedded default source's data files: CSV or JSON Lines of event counts per SLO. */
package dev.slo.core.data;
