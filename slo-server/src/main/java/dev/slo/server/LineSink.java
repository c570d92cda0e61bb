package dev.slo.server;

import dev.slo.core.InvalidInputException;
import dev.slo.core.json.StatusJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes each event as one JSON line and flushes: a JSON Lines file or standard output.
 * Thread-safe: writes are synchronized.
 */
final class LineSink implements EventSink {
  private final Writer out;
  private final boolean owned;

  private LineSink(Writer out, boolean owned) {
    this.out = out;
    this.owned = owned;
  }

  /** Appends to {@code file}, creating it. */
  static LineSink file(Path file) {
    try {
      return new LineSink(
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE),
          true);
    } catch (IOException e) {
      throw new InvalidInputException(
          file + ": cannot open the events file for appending: " + e.getMessage(), e);
    }
  }

  /** Writes to {@code out}, which stays open. */
  static LineSink stream(PrintWriter out) {
    return new LineSink(out, false);
  }

  @Override
  public synchronized void publish(Notice notice) {
    try {
      out.write(StatusJson.line(notice.event()));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write event: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public synchronized void deliver(byte[] event) {
    try {
      out.write(new String(event, StandardCharsets.UTF_8));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new DeliveryException("cannot write event: " + e.getMessage(), true);
    }
  }

  @Override
  public synchronized void close(Instant deadline) {
    try {
      out.flush();
      if (owned) {
        out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush events: " + e.getMessage(), e);
    }
  }
}
