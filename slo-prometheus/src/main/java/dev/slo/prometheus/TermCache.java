package dev.slo.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The counter increases one evaluation instant has read, so that SLOs sharing a selector and a
 * window cost one subquery, not one each. Scoped to one evaluation instant and at most {@link
 * #MAX_AGE} of wall time: a new instant or an old cache starts afresh, so nothing stale outlives an
 * evaluation pass. Thread-safe.
 */
final class TermCache {
  /** How long answers are reused for one evaluation instant. */
  static final Duration MAX_AGE = Duration.ofSeconds(60);

  /** Entries kept at most; past this the cache starts afresh. */
  static final int MAX_ENTRIES = 200_000;

  /**
   * One subquery: {@code sum(increase(selector[length]))} evaluated at {@code end}.
   *
   * @param selector the counter selector
   * @param lengthMs the window length in milliseconds
   * @param endMs the window end in epoch milliseconds
   */
  record Term(String selector, long lengthMs, long endMs) {}

  /** An answer: {@code value} is null when no series matched. */
  record Answer(@Nullable Double value) {}

  private final ConcurrentHashMap<Term, Answer> answers = new ConcurrentHashMap<>();
  private @Nullable Instant at; // the instant the entries are for, null until the first use
  private long createdNanos;

  /** Makes the cache hold answers for {@code at} only, and no older than {@link #MAX_AGE}. */
  synchronized void scope(Instant at) {
    long now = System.nanoTime();
    if (!at.equals(this.at)
        || now - createdNanos > MAX_AGE.toNanos()
        || answers.size() > MAX_ENTRIES) {
      answers.clear();
      this.at = at;
      createdNanos = now;
    }
  }

  @Nullable Answer get(Term t) {
    return answers.get(t);
  }

  void put(Term t, Answer a) {
    answers.put(t, a);
  }
}
