package dev.slo.core.data;

import dev.slo.core.InvalidInputException;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a reader in one reused buffer, ended as {@link java.io.BufferedReader#readLine} ends
 * them ({@code \n}, {@code \r} or {@code \r\n}), each at most {@link #MAX_LINE} characters: a
 * longer line stops the read with an {@link InvalidInputException} naming it, after at most twice
 * that many characters were held. Not thread-safe.
 */
final class LineReader {
  /** The longest line accepted, in characters, terminator excluded (64 KiB). */
  static final int MAX_LINE = 64 * 1024;

  private final Reader in;
  private final String source;
  private final char[] buf = new char[2 * MAX_LINE];
  private int pos;
  private int lim;
  private boolean eof;
  private boolean skipLf;
  private int line;

  /** The current line is {@code buf[start, end)}. */
  int start;

  int end;

  LineReader(String source, Reader in) {
    this.source = source;
    this.in = in;
  }

  char[] buf() {
    return buf;
  }

  /** The 1-based number of the current line. */
  int line() {
    return line;
  }

  /** The current line as a string. */
  String text() {
    return new String(buf, start, end - start);
  }

  /** Moves to the next line; false at the end of the input. */
  boolean next() throws IOException {
    if (skipLf) {
      if (pos == lim && !eof) {
        fill();
      }
      if (pos < lim && buf[pos] == '\n') {
        pos++;
      }
      skipLf = false;
    }
    int scan = pos;
    while (true) {
      for (int i = scan; i < lim; i++) {
        char c = buf[i];
        if (c == '\n' || c == '\r') {
          if (i - pos > MAX_LINE) {
            throw tooLong();
          }
          start = pos;
          end = i;
          pos = i + 1;
          skipLf = c == '\r';
          line++;
          return true;
        }
      }
      if (lim - pos > MAX_LINE) {
        throw tooLong();
      }
      if (eof) {
        if (pos < lim) {
          start = pos;
          end = lim;
          pos = lim;
          line++;
          return true;
        }
        return false;
      }
      scan = lim - pos;
      fill();
    }
  }

  private InvalidInputException tooLong() {
    return new InvalidInputException(
        source
            + ":"
            + (line + 1)
            + ": the line is longer than "
            + MAX_LINE
            + " characters; a data file line may hold at most "
            + MAX_LINE
            + " (64 KiB, see docs/limits.md)");
  }

  // moves the unread characters to the front and reads more after them
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int r = in.read(buf, lim, buf.length - lim);
    if (r < 0) {
      eof = true;
    } else {
      lim += r;
    }
  }
}
