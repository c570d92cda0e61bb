/**
 * The PostgreSQL store: {@link dev.slo.jdbc.JdbcStore} opens a database from a JDBC URL, applies
 * versioned migrations, and implements the {@code dev.slo.core.store} ports and the core's {@link
 * dev.slo.core.source.EventSource} with Jdbi. Every SQL statement is parameterized; credentials are
 * never part of a message.
 */
@NullMarked
package dev.slo.jdbc;

import org.jspecify.annotations.NullMarked;
