package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MigrationsIT {

  @Test
  void shouldApplyEveryMigrationOnceAndThenNothing() {
    String url = TestDatabase.freshSchema("slo_t_migr_once");
    MigrationResult first = opening(url);
    assertThat(first.fromVersion()).isZero();
    assertThat(first.toVersion()).isEqualTo(Migrations.LATEST);
    assertThat(first.applied()).hasSize(Migrations.steps());
    MigrationResult again;
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      again = store.migrate();
    }
    assertThat(again.fromVersion()).isEqualTo(Migrations.LATEST);
    assertThat(again.applied()).isEmpty();
  }

  @Test
  void shouldMigrateOnceWhenProcessesStartAtOnce() throws Exception {
    String url = TestDatabase.freshSchema("slo_t_migr_race");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<MigrationResult>> starts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        starts.add(() -> opening(url));
      }
      int applied = 0;
      for (Future<MigrationResult> f : pool.invokeAll(starts)) {
        applied += f.get().applied().size();
        assertThat(f.get().toVersion()).isEqualTo(Migrations.LATEST);
      }
      assertThat(applied).isEqualTo(Migrations.steps());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldKeepAPlainTableWithoutTimescale() {
    String url = TestDatabase.freshSchema("slo_t_migr_plain");
    MigrationResult r = opening(url);
    // CI's PostgreSQL has no timescaledb; the hypertable path is not covered here
    assertThat(r.hypertable()).isFalse();
    assertThat(r.applied().get(1)).contains("plain table");
  }

  private static MigrationResult opening(String url) {
    try (JdbcStore store = JdbcStore.open(url, Map.of())) {
      return store.openingMigration();
    }
  }
}
