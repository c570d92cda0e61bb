package dev.slo.core.data;

/**
 * Parses the common shape of a CSV row in place, without objects: four comma-separated fields (five
 * with an empty {@code labels} field when the file has that column), a timestamp as {@code
 * YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)} (years 1900 to 2199) or as non-negative epoch seconds
 * with up to 9 fraction digits, counts of 1 to 18 digits and {@code good <= total}. Fields are
 * trimmed and unquoted as {@link DataFileReader} does. Any other shape, valid or not, is left to
 * that reader's general path, which alone decides what is accepted and what each error says; so
 * this class only ever says "yes, and here are the values" or "not me". Not thread-safe: one
 * instance per read.
 */
final class FastRow {
  private static final long NANOS = 1_000_000_000L;
  private static final int[] POW10 = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private final int[] column; // column[c] = field index of timestamp, slo_id, good, total
  private final int labels; // field index of the optional labels column, or -1
  private final int last; // the index of the last field
  private final int[] from = new int[5];
  private final int[] to = new int[5];

  private final char[] lastText = new char[40];
  private int lastLength = -1;
  private long lastNanos;

  long nanos;
  long good;
  long total;
  int idFrom;
  int idTo;

  FastRow(int[] column, int labels) {
    this.column = column.clone();
    this.labels = labels;
    this.last = labels < 0 ? 3 : 4;
  }

  /** True when {@code b[s, e)} is a row of the common shape; its values are then in the fields. */
  boolean parse(char[] b, int s, int e) {
    int f = 0;
    int a = s;
    for (int i = s; i < e; i++) {
      if (b[i] == ',') {
        if (f == last) {
          return false;
        }
        if (!field(b, f++, a, i)) {
          return false;
        }
        a = i + 1;
      }
    }
    if (f != last || !field(b, last, a, e)) {
      return false;
    }
    if (labels >= 0 && from[labels] < to[labels]) {
      return false; // a labelled row: the general path reads its labels
    }
    int id = column[1];
    idFrom = from[id];
    idTo = to[id];
    if (idFrom >= idTo) {
      return false;
    }
    int g = column[2];
    int n = column[3];
    good = count(b, from[g], to[g]);
    total = count(b, from[n], to[n]);
    if (good < 0 || total < 0 || good > total) {
      return false;
    }
    int t = column[0];
    int ts = from[t];
    int te = to[t];
    // rows of one instant usually follow each other: reuse the previous timestamp's value
    int len = te - ts;
    if (len == lastLength
        && len <= lastText.length
        && java.util.Arrays.equals(b, ts, te, lastText, 0, len)) {
      nanos = lastNanos;
      return true;
    }
    nanos = timestamp(b, ts, te);
    if (nanos == Long.MIN_VALUE) {
      return false;
    }
    if (len <= lastText.length) {
      System.arraycopy(b, ts, lastText, 0, len);
      lastLength = len;
      lastNanos = nanos;
    }
    return true;
  }

  // trims, unquotes and trims again, as the general path does
  private boolean field(char[] b, int f, int s, int e) {
    while (s < e && b[s] <= ' ') {
      s++;
    }
    while (e > s && b[e - 1] <= ' ') {
      e--;
    }
    if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
      s++;
      e--;
      while (s < e && b[s] <= ' ') {
        s++;
      }
      while (e > s && b[e - 1] <= ' ') {
        e--;
      }
    }
    from[f] = s;
    to[f] = e;
    return true;
  }

  // 1 to 18 digits, else -1
  private static long count(char[] b, int s, int e) {
    if (e <= s || e - s > 18) {
      return -1;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Epoch nanoseconds of {@code b[s, e)}, or Long.MIN_VALUE when it is not of the common shape. */
  static long timestamp(char[] b, int s, int e) {
    if (e - s >= 20 && b[s + 4] == '-') {
      return iso(b, s, e);
    }
    return epoch(b, s, e);
  }

  private static long epoch(char[] b, int s, int e) {
    int i = s;
    long secs = 0;
    while (i < e && b[i] >= '0' && b[i] <= '9') {
      secs = secs * 10 + (b[i] - '0');
      i++;
      if (i - s > 10) {
        return Long.MIN_VALUE;
      }
    }
    if (i == s || secs > 9_000_000_000L) {
      return Long.MIN_VALUE;
    }
    long frac = 0;
    if (i < e) {
      if (b[i] != '.' || e - i - 1 < 1 || e - i - 1 > 9) {
        return Long.MIN_VALUE;
      }
      int digits = e - i - 1;
      for (int k = i + 1; k < e; k++) {
        int d = b[k] - '0';
        if (d < 0 || d > 9) {
          return Long.MIN_VALUE;
        }
        frac = frac * 10 + d;
      }
      frac *= POW10[9 - digits];
    }
    return secs * NANOS + frac;
  }

  private static long iso(char[] b, int s, int e) {
    // YYYY-MM-DDTHH:MM:SS is 19 characters
    if (b[s + 7] != '-' || b[s + 10] != 'T' || b[s + 13] != ':' || b[s + 16] != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(b, s, 4);
    int month = digits(b, s + 5, 2);
    int day = digits(b, s + 8, 2);
    int hour = digits(b, s + 11, 2);
    int minute = digits(b, s + 14, 2);
    int second = digits(b, s + 17, 2);
    if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) {
      return Long.MIN_VALUE;
    }
    if (day > lengthOfMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return Long.MIN_VALUE;
    }
    if (second < 0 || second > 59) {
      return Long.MIN_VALUE;
    }
    int i = s + 19;
    long frac = 0;
    if (b[i] == '.') {
      int d0 = ++i;
      while (i < e && b[i] >= '0' && b[i] <= '9') {
        frac = frac * 10 + (b[i] - '0');
        i++;
        if (i - d0 > 9) {
          return Long.MIN_VALUE;
        }
      }
      if (i == d0) {
        return Long.MIN_VALUE;
      }
      frac *= POW10[9 - (i - d0)];
    }
    int offset;
    if (i == e - 1 && b[i] == 'Z') {
      offset = 0;
    } else if (i == e - 6 && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
      int oh = digits(b, i + 1, 2);
      int om = digits(b, i + 4, 2);
      if (oh < 0 || oh > 17 || om < 0 || om > 59) {
        return Long.MIN_VALUE;
      }
      offset = (b[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return Long.MIN_VALUE;
    }
    long secs =
        epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
    return secs * NANOS + frac;
  }

  // a fixed number of digits as an int, or -1
  private static int digits(char[] b, int s, int n) {
    int v = 0;
    for (int i = s; i < s + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    if (month == 2) {
      boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  // days since 1970-01-01 of a proleptic Gregorian date, counted in 400-year eras from March
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int m = month > 2 ? month - 3 : month + 9;
    int dayOfYear = (153 * m + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468L;
  }
}
