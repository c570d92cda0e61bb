package dev.slo.server;

import dev.slo.core.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * What the HTTP front lets one client take: how long a request may take to arrive, how long an idle
 * keep-alive connection is kept, how much it may send and how many connections are open at once
 * (docs/limits.md). Immutable.
 *
 * @param headerTimeout time from a connection's first byte of a request (or its accept) to the end
 *     of the request headers; a client slower than this gets 408 and is closed
 * @param bodyTimeout time from the end of the headers to the end of the body
 * @param idleTimeout how long a keep-alive connection may wait for its next request
 * @param writeTimeout how long a response may take to be read by the client
 * @param maxConnections open connections at most; at the limit a new one closes the oldest
 *     connection that has no request in progress, or is refused with 503 when there is none
 * @param maxHeaderBytes request line and headers, in bytes at most (431 past it)
 * @param maxBodyBytes request body, in bytes at most (413 past it)
 */
public record HttpLimits(
    Duration headerTimeout,
    Duration bodyTimeout,
    Duration idleTimeout,
    Duration writeTimeout,
    int maxConnections,
    int maxHeaderBytes,
    int maxBodyBytes) {

  /**
   * 10 s for headers, body and writes, 30 s idle, 1,000 connections, 16 KiB headers, 64 KiB body.
   */
  public static final HttpLimits DEFAULT =
      new HttpLimits(
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          1000,
          16 * 1024,
          64 * 1024);

  /** Checks every limit is positive. */
  public HttpLimits {
    positive("header_timeout", headerTimeout);
    positive("body_timeout", bodyTimeout);
    positive("idle_timeout", idleTimeout);
    positive("write_timeout", writeTimeout);
    if (maxConnections < 1) {
      throw new ValidationException("max_connections", maxConnections, "use at least 1");
    }
    if (maxHeaderBytes < 256) {
      throw new ValidationException("max_header_bytes", maxHeaderBytes, "use at least 256");
    }
    if (maxBodyBytes < 0) {
      throw new ValidationException("max_body_bytes", maxBodyBytes, "use 0 or more");
    }
  }

  private static void positive(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative() || d.isZero()) {
      throw new ValidationException(field, d, "use a positive duration");
    }
  }
}
