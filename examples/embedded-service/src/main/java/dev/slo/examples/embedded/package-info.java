/**
 * Example: a plain Java service (JDK HTTP server, no framework) that tracks its own SLOs in process
 * and exports status, budgets and burn rates through Micrometer's Prometheus registry.
 */
@NullMarked
package dev.slo.examples.embedded;

import org.jspecify.annotations.NullMarked;
