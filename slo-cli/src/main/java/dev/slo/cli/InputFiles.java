package dev.slo.cli;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import dev.slo.core.spec.SpecLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
   * A spec file as UTF-8 text, read only up to {@link SpecLimits#MAX_SPEC_CHARS}: a larger file is
   * refused without being read whole.
   */
  public static String spec(Path path) {
    int max = SpecLimits.MAX_SPEC_CHARS;
    try (BufferedReader in = reader(path)) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        sb.append(buf, 0, n);
        if (sb.length() > max) {
          throw new InvalidInputException(
              Printable.escape(path.toString())
                  + ": more than "
                  + max
                  + " characters; a spec may hold at most "
                  + max
                  + " (see docs/limits.md)");
        }
      }
      return sb.toString();
    } catch (IOException e) {
      throw problem(path, e);
    }
  }

  /** A UTF-8 reader over the file. */
  static BufferedReader reader(Path path) {
    try {
      if (Files.isDirectory(path)) {
        throw new InvalidInputException(
            Printable.escape(path.toString()) + ": is a directory, not a file");
      }
      return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw problem(path, e);
    }
  }

  static InvalidInputException problem(Path path, IOException e) {
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
