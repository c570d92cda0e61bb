package dev.slo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ShardsTest {

  @Test
  void shouldPinTheShardToTheFirstEightBytesOfSha256() {
    // expected values from `printf %s ID | sha256sum`: first 16 hex digits as a signed long, mod 64
    assertThat(Shards.of("api")).isEqualTo(29); // 14c2529eb4498c5d
    assertThat(Shards.of("checkout-availability")).isEqualTo(57); // 1738bf58e75e56b9
    assertThat(Shards.of("")).isEqualTo(20); // e3b0c44298fc1c14, a negative long
  }

  @Test
  void shouldSpreadManySlosOverEveryShard() {
    int[] per = new int[Shards.COUNT];
    IntStream.range(0, 6400).forEach(i -> per[Shards.of("slo-" + i)]++);
    assertThat(IntStream.of(per).min().orElseThrow()).isGreaterThanOrEqualTo(50);
    assertThat(IntStream.of(per).max().orElseThrow()).isLessThanOrEqualTo(150);
  }

  @Property
  void shouldPlaceEverySloIdInAShard(@ForAll String sloId) {
    assertThat(Shards.of(sloId)).isBetween(0, Shards.COUNT - 1).isEqualTo(Shards.of(sloId));
  }

  @Property
  void shouldGiveFairSharesThatAddUpToEveryShard(@ForAll @IntRange(min = 1, max = 200) int n) {
    int sum = 0;
    for (int rank = 0; rank < n; rank++) {
      int share = Shards.fairShare(n, rank);
      assertThat(share).isBetween(Shards.COUNT / n, (Shards.COUNT + n - 1) / n);
      sum += share;
    }
    assertThat(sum).isEqualTo(Shards.COUNT);
  }

  @Test
  void shouldSplitThreeReplicasTwentyTwoTwentyOneTwentyOne() {
    assertThat(IntStream.range(0, 3).map(r -> Shards.fairShare(3, r)).toArray())
        .containsExactly(22, 21, 21);
    assertThat(Shards.fairShare(4, 3)).isEqualTo(16);
  }

  @Test
  void shouldRejectAnEmptyFleetOrARankOutsideIt() {
    assertThatThrownBy(() -> Shards.fairShare(0, 0)).hasMessageStartingWith("0 replicas");
    assertThatThrownBy(() -> Shards.fairShare(3, 3)).hasMessageStartingWith("rank 3");
  }

  @Test
  void shouldOwnEveryShardAloneUntilClosed() {
    SingleReplicaFleet fleet = new SingleReplicaFleet("solo");
    assertThat(fleet.owned()).isEmpty();
    assertThat(fleet.rebalance(Instant.EPOCH)).hasSize(Shards.COUNT).isEqualTo(fleet.owned());
    fleet.close();
    assertThat(fleet.owned()).isEmpty();
    assertThat(fleet.rebalance(Instant.EPOCH)).isEmpty();
  }

  @Test
  void shouldPutEveryGroupInItsBaseSlosShard() {
    assertThat(Shards.of("api{route=\"/pay\"}")).isEqualTo(Shards.of("api")).isEqualTo(29);
    assertThat(Shards.of("checkout-availability{tenant=\"acme\",route=\"/cart\"}")).isEqualTo(57);
  }
}
