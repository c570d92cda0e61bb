package dev.slo.core.tracker;

import dev.slo.core.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary snapshot format, version 1. All integers are unsigned LEB128 varints unless said
 * otherwise; signed ones are zigzag-encoded first.
 *
 * <pre>
 * magic "SLOT" (4 bytes) | version (1 byte, = 1)
 * step in ms | taken at, epoch ms (signed)
 * number of SLOs
 * per SLO: slo_id length | slo_id UTF-8 bytes | number of steps
 *          per step, oldest first: index delta (signed; the first is the step index itself,
 *          step i covering (i*step, (i+1)*step] ms) | good | total
 * CRC-32 of everything before it (4 bytes, big-endian)
 * </pre>
 *
 * Only steps with events are written; the open step is written like a closed one.
 */
final class TrackerSnapshot {
  private static final byte[] MAGIC = {'S', 'L', 'O', 'T'};
  private static final int VERSION = 1;

  private TrackerSnapshot() {}

  /** One SLO's steps with events. */
  record Series(String sloId, long[] steps, long[] good, long[] total) {
    /** The steps of {@code ring} that hold events, the open one last; caller holds the lock. */
    static Series of(String sloId, BucketRing ring) {
      int cap = 64;
      long[] s = new long[cap];
      long[] g = new long[cap];
      long[] t = new long[cap];
      int n = 0;
      for (long i = ring.lowest(); i <= ring.open(); i++) {
        long[] c = i == ring.open() ? ring.openCounts() : ring.closed(i);
        if (c[1] == 0) {
          continue;
        }
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
          g = Arrays.copyOf(g, n * 2);
          t = Arrays.copyOf(t, n * 2);
        }
        s[n] = i;
        g[n] = c[0];
        t[n] = c[1];
        n++;
      }
      return new Series(sloId, Arrays.copyOf(s, n), Arrays.copyOf(g, n), Arrays.copyOf(t, n));
    }
  }

  /** A decoded snapshot. */
  record Decoded(long stepMillis, long takenAtMillis, List<Series> series) {}

  static byte[] encode(long stepMillis, long takenAtMillis, List<Series> series) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(VERSION);
    writeVar(out, stepMillis);
    writeVar(out, zigzag(takenAtMillis));
    writeVar(out, series.size());
    for (Series s : series) {
      byte[] id = s.sloId().getBytes(StandardCharsets.UTF_8);
      writeVar(out, id.length);
      out.writeBytes(id);
      writeVar(out, s.steps().length);
      long prev = 0;
      for (int i = 0; i < s.steps().length; i++) {
        writeVar(out, zigzag(s.steps()[i] - prev));
        prev = s.steps()[i];
        writeVar(out, s.good()[i]);
        writeVar(out, s.total()[i]);
      }
    }
    CRC32 crc = new CRC32();
    byte[] body = out.toByteArray();
    crc.update(body);
    return ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
  }

  static Decoded decode(byte[] bytes) {
    if (bytes == null || bytes.length < MAGIC.length + 5) {
      throw corrupt("it is shorter than a header");
    }
    if (!Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw corrupt("it does not start with \"SLOT\"");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
      throw corrupt("its CRC-32 does not match (truncated or changed)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4).position(MAGIC.length);
    int version = in.get();
    if (version != VERSION) {
      throw corrupt(
          "version " + version + " is not supported (this library reads " + VERSION + ")");
    }
    try {
      long step = readVar(in);
      long takenAt = unzigzag(readVar(in));
      int n = count(readVar(in), in);
      List<Series> series = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        byte[] id = new byte[count(readVar(in), in)];
        in.get(id);
        int m = count(readVar(in), in);
        long[] s = new long[m];
        long[] g = new long[m];
        long[] t = new long[m];
        long prev = 0;
        for (int i = 0; i < m; i++) {
          prev += unzigzag(readVar(in));
          s[i] = prev;
          g[i] = readVar(in);
          t[i] = readVar(in);
          if (g[i] < 0 || t[i] < 0 || g[i] > t[i]) {
            throw corrupt("step " + prev + " has good=" + g[i] + " > total=" + t[i]);
          }
        }
        series.add(new Series(new String(id, StandardCharsets.UTF_8), s, g, t));
      }
      if (in.hasRemaining()) {
        throw corrupt(in.remaining() + " bytes follow the last SLO");
      }
      return new Decoded(step, takenAt, series);
    } catch (java.nio.BufferUnderflowException e) {
      throw corrupt("it ends in the middle of a value");
    }
  }

  // a count read from the snapshot, no larger than the bytes left could hold
  private static int count(long v, ByteBuffer in) {
    if (v < 0 || v > in.remaining()) {
      throw corrupt(v + " is not a valid count at byte " + in.position());
    }
    return (int) v;
  }

  private static InvalidInputException corrupt(String why) {
    return new InvalidInputException("not a valid SLO tracker snapshot: " + why);
  }

  private static void writeVar(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static long readVar(ByteBuffer in) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    throw corrupt("a varint is longer than 10 bytes");
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
