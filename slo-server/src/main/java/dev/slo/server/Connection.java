package dev.slo.server;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** One client connection of {@link HttpFront}; touched only by its selector thread. */
final class Connection {
  /** Where the connection is in its request cycle. */
  enum State {
    IDLE,
    HEAD,
    BODY,
    WORKING,
    WRITING,
    /** The answer is sent and the output shut; reading what the client still sends, then close. */
    DRAIN
  }

  final SocketChannel ch;
  @Nullable SelectionKey key;
  @Nullable State state;
  long since;
  long deadline;
  byte[] in = new byte[1024];
  int len;
  int scanned;
  int consumed;
  RequestParser.@Nullable Head head;
  @Nullable ByteBuffer out;
  boolean keep;
  boolean served;

  Connection(SocketChannel ch) {
    this.ch = ch;
  }

  void expect(State s, Duration within) {
    state = s;
    since = System.nanoTime();
    deadline = since + within.toNanos();
  }

  void append(byte[] b, int n) {
    if (len + n > in.length) {
      in = Arrays.copyOf(in, Math.max(len + n, in.length * 2));
    }
    System.arraycopy(b, 0, in, len, n);
    len += n;
  }

  /** Drops the request just answered, keeping bytes of a pipelined next one. */
  void next() {
    System.arraycopy(in, consumed, in, 0, len - consumed);
    len -= consumed;
    consumed = 0;
    scanned = 0;
    head = null;
    out = null;
    if (in.length > 4096 && len < 1024) {
      in = Arrays.copyOf(in, 1024);
    }
  }
}
