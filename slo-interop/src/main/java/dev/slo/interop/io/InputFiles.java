package dev.slo.interop.io;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Opens the user's files with one-line errors for missing, unreadable or non-UTF-8 files. */
public final class InputFiles {
  private InputFiles() {}

  /** The whole file as UTF-8 text. */
  public static String text(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw problem(path, e);
    }
  }

  /**
   * Seconds to wait for a FIFO's writer (or another special file) to open; system property {@code
   * slo.fifo.wait.seconds}, default 10. See docs/limits.md.
   */
  public static final String FIFO_WAIT = "slo.fifo.wait.seconds";

  /**
   * A UTF-8 reader over the file. A FIFO (or another file that is not a regular one) is read as a
   * stream; opening one waits for its writer, at most {@value #FIFO_WAIT} seconds, then fails with
   * one line instead of hanging.
   */
  public static BufferedReader reader(Path path) {
    try {
      if (Files.isDirectory(path)) {
        throw new InvalidInputException(
            Printable.escape(path.toString()) + ": is a directory, not a file");
      }
      if (Files.exists(path) && Files.readAttributes(path, BasicFileAttributes.class).isOther()) {
        return new BufferedReader(
            new InputStreamReader(openWaiting(path), StandardCharsets.UTF_8.newDecoder()));
      }
      return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw problem(path, e);
    }
  }

  // opening a FIFO blocks until a writer opens it; the open runs in a daemon thread so that a
  // FIFO nobody writes to costs a bounded wait, not a hang
  private static InputStream openWaiting(Path path) throws IOException {
    long wait = Long.getLong(FIFO_WAIT, 10);
    FutureTask<InputStream> open = new FutureTask<>(() -> Files.newInputStream(path));
    Thread t = new Thread(open, "slo-open-" + path.getFileName());
    t.setDaemon(true);
    t.start();
    try {
      return open.get(wait, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new InvalidInputException(
          path
              + ": no writer opened this FIFO within "
              + wait
              + "s; start the program that writes it first, or give a regular file (-D"
              + FIFO_WAIT
              + "=N waits longer)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidInputException(path + ": interrupted while waiting for a writer");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  public static InvalidInputException problem(Path path, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new InvalidInputException(Printable.escape(path.toString()) + ": no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new InvalidInputException(
          Printable.escape(path.toString()) + ": permission denied", e);
    }
    if (e instanceof CharacterCodingException) {
      return new InvalidInputException(Printable.escape(path.toString()) + ": not UTF-8 text", e);
    }
    if (Files.isDirectory(path)) {
      return new InvalidInputException(
          Printable.escape(path.toString()) + ": is a directory, not a file", e);
    }
    return new InvalidInputException(
        Printable.escape(path.toString()) + ": cannot be read: " + e.getMessage(), e);
  }
}
