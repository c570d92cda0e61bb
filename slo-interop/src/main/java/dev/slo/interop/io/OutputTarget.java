package dev.slo.interop.io;

import dev.slo.core.InvalidInputException;
import dev.slo.core.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code --out} writes (report, rules, dashboard). A regular file, new or existing, is
 * replaced atomically: the text goes to a temporary file beside it, which is then renamed over it,
 * so a failure leaves the old file or none. A symbolic link is followed and its target replaced.
 * Devices, FIFOs, sockets and names under /dev and /proc ({@code /dev/stdout}, {@code /dev/null})
 * are written straight into (appending, so {@code >> log} behind /dev/stdout appends); {@code -} or
 * no option means standard output. A new file gets the mode the umask gives (0644 under umask 022);
 * a replaced file keeps its mode.
 */
public final class OutputTarget {
  private static final int MAX_LINKS = 40;

  private OutputTarget() {}

  /**
   * Writes {@code text} to {@code file} when given, else to {@code out}.
   *
   * @param option the option's name for messages, e.g. {@code --out}
   * @throws InvalidInputException naming the file when it cannot be written
   */
  public static void write(String option, @Nullable Path file, String text, PrintWriter out) {
    if (file == null || file.toString().equals("-")) {
      out.print(text);
      out.flush();
      return;
    }
    String shown = option + " " + Printable.escape(file.toString());
    Path given = file.toAbsolutePath();
    if (Files.isDirectory(given)) {
      throw new InvalidInputException(shown + ": is a directory, not a file");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      if (Files.exists(given) && (!Files.isRegularFile(given) || isDeviceName(given))) {
        // a device, FIFO or socket, possibly through links (/dev/stdout -> /proc/self/fd/1 ->
        // pipe:[n]): the kernel resolves them when the path is opened
        writeStraight(given, bytes);
      } else {
        Path target = Files.exists(given) ? given.toRealPath() : followLinks(given);
        if (Files.isDirectory(target)) {
          throw new InvalidInputException(shown + ": is a directory, not a file");
        }
        replace(target, bytes);
      }
    } catch (IOException e) {
      throw new InvalidInputException(shown + ": cannot write: " + reason(e), e);
    }
  }

  /**
   * {@code /dev/stdout}, {@code /dev/fd/3}, {@code /proc/self/fd/1}: names of open descriptors,
   * written into even when the shell redirected them to a regular file ({@code >> log} appends).
   */
  private static boolean isDeviceName(Path p) {
    return p.startsWith("/dev/") || p.startsWith("/proc/");
  }

  /** The file a chain of symbolic links ends at; {@code path} itself when it is not a link. */
  static Path followLinks(Path path) throws IOException {
    Path p = path;
    for (int i = 0; Files.isSymbolicLink(p); i++) {
      if (i == MAX_LINKS) {
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
      }
      Path dir = p.getParent();
      Path link = Files.readSymbolicLink(p);
      p = dir == null ? link : dir.resolve(link);
    }
    return p;
  }

  private static void writeStraight(Path target, byte[] bytes) throws IOException {
    try (OutputStream o =
        Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      o.write(bytes);
    }
  }

  private static void replace(Path target, byte[] bytes) throws IOException {
    Path dir = java.util.Objects.requireNonNull(target.getParent(), "an absolute path");
    Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    boolean moved = false;
    try {
      // newOutputStream creates with 0666 less the umask, unlike createTempFile's 0600
      try (OutputStream o =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        o.write(bytes);
      }
      keepMode(target, tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }

  private static void keepMode(Path existing, Path tmp) throws IOException {
    if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(existing);
      Files.setPosixFilePermissions(tmp, mode);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the new file keeps the default mode
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return Printable.escape(f.getReason());
    }
    return Printable.escape(String.valueOf(e.getMessage()));
  }
}
