package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes command output to {@code --out FILE} atomically, or to standard output. */
final class OutputFile {
  private OutputFile() {}

  /**
   * Writes {@code text} to {@code file} when given, else to {@code out}. The file is written as a
   * temporary file beside it and then moved over it, so a failure leaves the old file or none.
   *
   * @throws InvalidInputException naming the file when it cannot be written
   */
  static void write(Path file, String text, PrintWriter out) {
    if (file == null) {
      out.print(text);
      out.flush();
      return;
    }
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      if (Files.isDirectory(target)) {
        throw new InvalidInputException("--out " + file + ": is a directory, not a file");
      }
      tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      Files.writeString(
          tmp,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new InvalidInputException("--out " + file + ": cannot write: " + reason(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage();
  }
}
