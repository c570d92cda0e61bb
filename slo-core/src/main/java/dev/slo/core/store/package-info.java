/**
 * Store ports: the interfaces through which SLO definitions, burn-rate alert rules, evaluation
 * statuses and SLI history are kept in a database, and the values they exchange. Adapters (for
 * example {@code slo-jdbc}) implement them; nothing here opens a connection.
 */
@NullMarked
package dev.slo.core.store;

import org.jspecify.annotations.NullMarked;
