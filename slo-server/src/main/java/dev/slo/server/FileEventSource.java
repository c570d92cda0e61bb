package dev.slo.server;

import dev.slo.core.InvalidInputException;
import dev.slo.core.SourceException;
import dev.slo.core.data.DataFileReader;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.EventSource;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.window.Window;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A data file (CSV or JSON Lines, as {@code slo eval --data}) that is read again whenever its
 * modification time or size changes, so a running server sees appended rows. A file that vanishes
 * or turns invalid makes {@link #counts} throw {@link SourceException}, which marks the SLOs stale.
 * Thread-safe: reloads are synchronized; the loaded data is immutable.
 */
public final class FileEventSource implements EventSource {
  private final Path file;
  private @Nullable InMemoryEventSource data;
  private long modified;
  private long size;

  /**
   * Reads the file now.
   *
   * @throws InvalidInputException when it cannot be read or holds a bad row
   */
  public FileEventSource(Path file) {
    this.file = file;
    try {
      current();
    } catch (SourceException e) {
      throw new InvalidInputException(Objects.requireNonNull(e.getMessage(), "message"), e);
    }
  }

  @Override
  public List<EventCounts> counts(Slo slo, List<Window> windows) {
    return current().counts(slo, windows);
  }

  @Override
  public List<EventCounts> slices(
      Slo slo, java.time.Instant from, java.time.Instant to, java.time.Duration step) {
    return current().slices(slo, from, to, step);
  }

  @Override
  public int forEachSlice(
      Slo slo,
      java.time.Instant from,
      java.time.Instant to,
      java.time.Duration step,
      SliceSink sink) {
    return current().forEachSlice(slo, from, to, step, sink);
  }

  @Override
  public java.util.Set<java.util.Map<String, String>> groups(
      Slo template, java.time.Instant from, java.time.Instant to) {
    return current().groups(template, from, to);
  }

  private synchronized InMemoryEventSource current() {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new SourceException(file + ": cannot be read: " + e, e);
    }
    long m = a.lastModifiedTime().toMillis();
    if (data == null || m != modified || a.size() != size) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        data = DataFileReader.read(file.toString(), in, null).source();
      } catch (IOException e) {
        throw new SourceException(file + ": cannot be read: " + e, e);
      } catch (UncheckedIOException e) {
        throw new SourceException(file + ": cannot be read: " + e.getCause(), e);
      } catch (InvalidInputException e) {
        throw new SourceException(Objects.requireNonNull(e.getMessage(), "message"), e);
      }
      modified = m;
      size = a.size();
    }
    return data;
  }
}
