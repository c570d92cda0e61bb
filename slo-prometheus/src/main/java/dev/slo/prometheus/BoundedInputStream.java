package dev.slo.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Counts the bytes read and fails with {@link ReplyTooLargeException} past a limit; keeps the first
 * bytes for error messages. Not thread-safe.
 */
final class BoundedInputStream extends FilterInputStream {
  private static final int HEAD = 200;

  private final long limit;
  private long count;
  private final byte[] head = new byte[HEAD];
  private int headLength;

  BoundedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      counted(b, off, n);
    }
    return n;
  }

  private void counted(byte[] b, int off, int n) throws IOException {
    if (headLength < HEAD) {
      int k = Math.min(n, HEAD - headLength);
      System.arraycopy(b, off, head, headLength, k);
      headLength += k;
    }
    count += n;
    if (count > limit) {
      throw new ReplyTooLargeException(limit);
    }
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  /** The first bytes read, as text on one line, cut to 80 characters. */
  String head() {
    String one = new String(head, 0, headLength, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    one = one.trim();
    return one.length() > 80 ? one.substring(0, 80) + "..." : one.isEmpty() ? "(empty)" : one;
  }
}
