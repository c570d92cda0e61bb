/**
 * Pure SLO computation: the exception types shared by every module. Nothing in {@code dev.slo.core}
 * or its subpackages reads a clock, opens a socket or talks to a database; time comes in as an
 * {@link java.time.Instant}.
 */
@NullMarked
package dev.slo.core;

import org.jspecify.annotations.NullMarked;
