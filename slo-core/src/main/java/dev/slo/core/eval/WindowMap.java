package dev.slo.core.eval;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A small immutable map from windows to values, in the order they were put: two arrays instead of a
 * hash table, for the per-window figures of an {@link Evaluation}, which its constructor keeps
 * without copying. Equal to, and printed like, any map with the same entries in the same order.
 * Thread-safe once built.
 */
final class WindowMap<V> extends AbstractMap<Duration, V> {
  private final Duration[] keys;
  private final Object[] values;
  private int size;

  /** An empty map with room for {@code capacity} windows; fill it with {@link #add}. */
  WindowMap(int capacity) {
    keys = new Duration[capacity];
    values = new Object[capacity];
  }

  /** Adds a window not yet in the map; only while the evaluator builds it. */
  void add(Duration key, V value) {
    keys[size] = key;
    values[size] = value;
    size++;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public @Nullable V get(@Nullable Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) values[i];
  }

  private int indexOf(@Nullable Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<Duration, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<Duration, V>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<Duration, V> next() {
            if (next >= size) {
              throw new NoSuchElementException("no window after the last");
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
          }
        };
      }
    };
  }
}
