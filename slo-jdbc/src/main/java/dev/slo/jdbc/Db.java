package dev.slo.jdbc;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * A Jdbi instance with the printable name of its database; runs callbacks and translates failures
 * into one-line exceptions. Thread-safe; each call opens its own connection.
 *
 * @param jdbi the Jdbi instance
 * @param target {@code host:port/database}, never with credentials
 */
record Db(Jdbi jdbi, String target) {

  /** Runs {@code callback} on a fresh connection; {@code action} names it in errors. */
  <T> T call(String action, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.withHandle(callback);
    } catch (RuntimeException e) {
      throw Failures.translate(e, target, action);
    }
  }

  /** Runs {@code callback} in one transaction on a fresh connection. */
  <T> T transaction(String action, HandleCallback<T, RuntimeException> callback) {
    try {
      return jdbi.inTransaction(callback);
    } catch (RuntimeException e) {
      throw Failures.translate(e, target, action);
    }
  }
}
