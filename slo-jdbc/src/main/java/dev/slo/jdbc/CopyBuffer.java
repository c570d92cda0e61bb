package dev.slo.jdbc;

import java.util.Arrays;

/** A growable big-endian byte buffer for binary COPY rows. Not thread-safe. */
final class CopyBuffer {
  private byte[] buf;
  private int size;

  CopyBuffer(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  void reset() {
    size = 0;
  }

  int size() {
    return size;
  }

  byte[] array() {
    return buf;
  }

  void putShort(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  /** Takes back the last {@link #putShort}. */
  void unputShort() {
    size -= 2;
  }

  void putInt(int v) {
    ensure(4);
    buf[size++] = (byte) (v >>> 24);
    buf[size++] = (byte) (v >>> 16);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  void putByte(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, size, b.length);
    size += b.length;
  }

  private void ensure(int n) {
    if (size + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
  }
}
