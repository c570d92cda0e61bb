package dev.slo.core.data;

import dev.slo.core.InvalidInputException;
import dev.slo.core.source.EventSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Gathers rows into one series per slo_id without an object per row: an slo_id is looked up by its
 * characters in the line buffer, and becomes a string once, the first time it is seen. Rows of
 * slo_ids not in {@code known} are counted and named in one warning. Not thread-safe.
 */
final class SeriesCollector {
  private final String source;
  private final @Nullable Set<String> known; // null keeps every slo_id
  private final Map<String, List<String>> grouped; // slo_id -> group_by: rows must carry labels
  private @Nullable String[] invalid = new String[16]; // why rows of this id are refused, or null
  private String[] ids = new String[16];
  private char[][] chars = new char[16][];
  private int[] after = new int[16]; // the slot that followed this one last time, or -1
  private EventSeries.Builder[] builders = new EventSeries.Builder[16];
  private long[] totals = new long[16]; // total_events so far, to name the row that overflows
  private long[] skipped = new long[16]; // rows skipped, for ids not in `known`
  private long[] kept = new long[16]; // rows kept
  private int count;
  private int[] table = new int[64]; // open addressing: slot + 1, 0 when empty
  private int last = -1; // the slot of the previous row, often the same id
  private long rows;

  SeriesCollector(String source, @Nullable Set<String> known, Map<String, List<String>> grouped) {
    this.source = source;
    this.known = known;
    this.grouped = grouped;
  }

  /** The slot of the slo_id {@code b[s, e)}, created when new. */
  int slot(char[] b, int s, int e) {
    // files usually repeat one order of slo_ids: try the previous id, then the one that followed it
    if (last >= 0) {
      if (same(chars[last], b, s, e)) {
        return last;
      }
      int guess = after[last];
      if (guess >= 0 && same(chars[guess], b, s, e)) {
        return last = guess;
      }
    }
    int found = lookup(b, s, e);
    if (last >= 0) {
      after[last] = found;
    }
    return last = found;
  }

  private int lookup(char[] b, int s, int e) {
    int h = 0;
    for (int i = s; i < e; i++) {
      h = 31 * h + b[i];
    }
    int mask = table.length - 1;
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      int k = table[i];
      if (k == 0) {
        int slot = add(new String(b, s, e - s));
        table[i] = slot + 1;
        if (count * 2 > table.length) {
          rehash();
        }
        return slot;
      }
      if (same(chars[k - 1], b, s, e)) {
        return k - 1;
      }
    }
  }

  /** The slot of an slo_id given as a string. */
  int slot(String id) {
    char[] c = id.toCharArray();
    return slot(c, 0, c.length);
  }

  String id(int slot) {
    return ids[slot];
  }

  /** Adds one validated row of {@code slot}. */
  void add(int slot, int line, long nanos, long good, long total) {
    rows++;
    if (builders[slot] == null) {
      if (invalid[slot] != null) {
        throw new InvalidInputException(source + ":" + line + ": " + invalid[slot]);
      }
      skipped[slot]++;
      return;
    }
    long sum = totals[slot] + total;
    if (sum < 0) {
      throw new InvalidInputException(
          source
              + ":"
              + line
              + ": total_events of slo_id "
              + ids[slot]
              + " add up to more than "
              + Long.MAX_VALUE
              + "; counts must fit in 64 bits");
    }
    totals[slot] = sum;
    kept[slot]++;
    builders[slot].add(nanos, good, total);
  }

  private int add(String id) {
    if (count == ids.length) {
      int c = count * 2;
      ids = Arrays.copyOf(ids, c);
      builders = Arrays.copyOf(builders, c);
      totals = Arrays.copyOf(totals, c);
      skipped = Arrays.copyOf(skipped, c);
      kept = Arrays.copyOf(kept, c);
      chars = Arrays.copyOf(chars, c);
      after = Arrays.copyOf(after, c);
      invalid = Arrays.copyOf(invalid, c);
    }
    ids[count] = id;
    chars[count] = id.toCharArray();
    after[count] = -1;
    invalid[count] = problem(id);
    if (invalid[count] == null
        && (known == null || known.contains(dev.slo.core.model.GroupId.baseOf(id)))) {
      builders[count] = EventSeries.builder(16);
    }
    return count++;
  }

  // why rows keyed by `id` are refused: a bad group id, missing group_by labels; else null
  private @Nullable String problem(String id) {
    List<String> by = grouped.get(dev.slo.core.model.GroupId.baseOf(id));
    if (!dev.slo.core.model.GroupId.isGroupForm(id)) {
      return by == null
          ? null
          : "the row of SLO "
              + id
              + " has no labels, and the SLO has group_by "
              + by
              + "; give the row's labels (a labels column, or key in JSON Lines)";
    }
    dev.slo.core.model.GroupId g;
    try {
      g = dev.slo.core.model.GroupId.parse(id);
    } catch (dev.slo.core.ValidationException e) {
      return e.getMessage();
    }
    if (by != null) {
      for (String name : by) {
        if (!g.labels().containsKey(name)) {
          return "labels has no "
              + name
              + ", a group_by label of SLO "
              + g.baseId()
              + "; give every group_by label "
              + by;
        }
      }
    }
    return null;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int k : table) {
      if (k != 0) {
        String id = ids[k - 1];
        int i = mix(id.hashCode()) & mask;
        while (t[i] != 0) {
          i = (i + 1) & mask;
        }
        t[i] = k;
      }
    }
    table = t;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  private static boolean same(char[] id, char[] b, int s, int e) {
    return id.length == e - s && Arrays.equals(id, 0, id.length, b, s, e);
  }

  /** Every id's series and rows, read with no {@code known} set and no grouped SLOs. */
  UnfilteredData unfiltered() {
    Map<String, EventSeries> series = new HashMap<>();
    Map<String, Long> rowsOf = new HashMap<>();
    for (int i = 0; i < count; i++) {
      series.put(ids[i], java.util.Objects.requireNonNull(builders[i], "builder").build());
      builders[i] = null;
      rowsOf.put(ids[i], kept[i]);
    }
    return new UnfilteredData(source, series, rowsOf, rows);
  }

  /** The warning for rows skipped because their SLO is not in the spec, if any were. */
  static List<String> skippedWarning(String source, Map<String, Long> skip) {
    List<String> warnings = new ArrayList<>();
    if (!skip.isEmpty()) {
      long n = skip.values().stream().mapToLong(Long::longValue).sum();
      warnings.add(
          source
              + ": skipped "
              + n
              + " row"
              + (n == 1 ? "" : "s")
              + " for SLOs not in the spec: "
              + String.join(", ", skip.keySet()));
    }
    return warnings;
  }

  DataSet result() {
    Map<String, EventSeries> series = new HashMap<>();
    Map<String, Long> skip = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      if (builders[i] != null) {
        series.put(ids[i], builders[i].build());
        builders[i] = null;
      } else {
        skip.put(ids[i], skipped[i]);
      }
    }
    return new DataSet(series, rows, skippedWarning(source, skip));
  }
}
