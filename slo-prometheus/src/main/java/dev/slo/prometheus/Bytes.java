package dev.slo.prometheus;

import dev.slo.core.InvalidInputException;
import java.util.Locale;

/** Byte sizes as people write them: {@code 256MiB}, {@code 64MB}, {@code 1048576}. */
final class Bytes {
  private Bytes() {}

  /** {@code 256 MiB}, {@code 12 KiB} or {@code 900 bytes}. */
  static String format(long n) {
    if (n >= (1L << 30) && n % (1L << 30) == 0) {
      return (n >> 30) + " GiB";
    }
    if (n >= (1L << 20) && n % (1L << 20) == 0) {
      return (n >> 20) + " MiB";
    }
    if (n >= 1024 && n % 1024 == 0) {
      return (n >> 10) + " KiB";
    }
    return n + " bytes";
  }

  /**
   * Parses a size: a whole number with an optional unit (B, KB, MB, GB in powers of 1000; KiB, MiB,
   * GiB in powers of 1024).
   *
   * @param what the option, for the message
   */
  static long parse(String text, String what) {
    String t = text.trim();
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    String unit = t.substring(i).trim().toLowerCase(Locale.ROOT);
    long mult =
        switch (unit) {
          case "", "b" -> 1L;
          case "kb" -> 1_000L;
          case "mb" -> 1_000_000L;
          case "gb" -> 1_000_000_000L;
          case "kib" -> 1L << 10;
          case "mib" -> 1L << 20;
          case "gib" -> 1L << 30;
          default -> -1L;
        };
    if (i == 0 || i > 12 || mult < 0) {
      throw new InvalidInputException(
          ReplyParser.cut(text) + " is not a valid " + what + "; use e.g. 256MiB or 64MB");
    }
    return Long.parseLong(t.substring(0, i)) * mult;
  }
}
