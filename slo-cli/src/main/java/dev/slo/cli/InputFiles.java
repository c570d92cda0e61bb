package dev.slo.cli;

import dev.slo.core.InvalidInputException;
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

  /** A UTF-8 reader over the file. */
  static BufferedReader reader(Path path) {
    try {
      if (Files.isDirectory(path)) {
        throw new InvalidInputException(path + ": is a directory, not a file");
      }
      return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw problem(path, e);
    }
  }

  static InvalidInputException problem(Path path, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new InvalidInputException(path + ": no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new InvalidInputException(path + ": permission denied", e);
    }
    if (e instanceof CharacterCodingException) {
      return new InvalidInputException(path + ": not UTF-8 text", e);
    }
    if (Files.isDirectory(path)) {
      return new InvalidInputException(path + ": is a directory, not a file", e);
    }
    return new InvalidInputException(path + ": cannot be read: " + e.getMessage(), e);
  }
}
