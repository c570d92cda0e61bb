package dev.slo.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How a fleet of {@code slo serve} replicas splits its SLOs (docs/serve.md, "A fleet of replicas"):
 * {@value #COUNT} shards, an SLO's shard being the first 8 bytes of the SHA-256 of its UTF-8
 * slo_id, read as a big-endian signed long, modulo {@value #COUNT}. A group of a grouped SLO (issue
 * 12, {@code checkout{route="/pay"}}) is in its base SLO's shard, so all groups of an SLO move
 * together. The same on every replica, platform and version. Stateless.
 */
public final class Shards {
  /** The number of shards, numbered 0 to 63. */
  public static final int COUNT = 64;

  private static final Set<Integer> ALL =
      IntStream.range(0, COUNT).boxed().collect(Collectors.toUnmodifiableSet());

  private Shards() {}

  /** The shard of an SLO, 0 to {@value #COUNT} - 1; a group id's is its base SLO's. */
  public static int of(String sloId) {
    String base = dev.slo.core.model.GroupId.baseOf(sloId);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
    byte[] d = sha.digest(base.getBytes(StandardCharsets.UTF_8));
    long head = 0;
    for (int i = 0; i < 8; i++) {
      head = (head << 8) | (d[i] & 0xFF);
    }
    return (int) Math.floorMod(head, (long) COUNT);
  }

  /** Every shard, 0 to {@value #COUNT} - 1. */
  public static Set<Integer> all() {
    return ALL;
  }

  /**
   * The number of shards a replica aims at: {@code COUNT / replicas}, plus one for the first {@code
   * COUNT % replicas} replicas in replica_id order, so the shares add up to {@value #COUNT} exactly
   * and none exceeds {@code ceil(COUNT / replicas)}.
   *
   * @param replicas live replicas, at least 1
   * @param rank this replica's position among them ordered by replica_id, 0 to replicas - 1
   */
  public static int fairShare(int replicas, int rank) {
    if (replicas < 1) {
      throw new IllegalArgumentException(replicas + " replicas: a fleet has at least one");
    }
    if (rank < 0 || rank >= replicas) {
      throw new IllegalArgumentException(
          "rank " + rank + " is outside 0 to " + (replicas - 1) + " for " + replicas + " replicas");
    }
    return COUNT / replicas + (rank < COUNT % replicas ? 1 : 0);
  }
}
