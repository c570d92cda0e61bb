package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest}, {@code eval --jdbc}, {@code history} and {@code db migrate} on PostgreSQL. */
class JdbcCliIT {
  @TempDir static Path dir;
  static Path spec;
  static Path data;
  static String url;

  @BeforeAll
  static void setUp() {
    url = TestDatabase.freshSchema("slo_cli_test");
    spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    data = Fixtures.write(dir, "events.csv", Fixtures.data());
    CliRun migrate = CliRun.of("db", "migrate", "--jdbc", url);
    assertThat(migrate.code()).as(migrate.err()).isZero();
    CliRun ingest =
        CliRun.of("ingest", "--jdbc", url, "--data", data.toString(), "--spec", spec.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("stored 44640 rows");
  }

  @Test
  void shouldEvaluateFromTheStoreExactlyAsFromTheFile() {
    CliRun file =
        CliRun.of("eval", "--spec", spec.toString(), "--data", data.toString(), "--format", "json");
    CliRun db = CliRun.of("eval", "--spec", spec.toString(), "--jdbc", url, "--format", "json");
    assertThat(db.code()).as(db.err()).isZero();
    assertThat(db.out()).isEqualTo(file.out());
    CliRun noSpec = CliRun.of("eval", "--jdbc", url, "--format", "json");
    assertThat(noSpec.code()).as(noSpec.err()).isZero();
    assertThat(noSpec.out()).isEqualTo(file.out());
    CliRun gate = CliRun.of("check", "--jdbc", url);
    assertThat(gate.code()).isEqualTo(1);
    assertThat(gate.out()).contains("FAIL api: CRITICAL");
  }

  @Test
  void shouldReingestWithoutDoubleCounting() {
    CliRun again = CliRun.of("ingest", "--jdbc", url, "--data", data.toString());
    assertThat(again.code()).as(again.err()).isZero();
    CliRun file =
        CliRun.of("eval", "--spec", spec.toString(), "--data", data.toString(), "--format", "json");
    assertThat(CliRun.of("eval", "--jdbc", url, "--format", "json").out()).isEqualTo(file.out());
  }

  @Test
  void shouldPrintHistory() throws Exception {
    CliRun r =
        CliRun.of(
            "history",
            "--jdbc",
            url,
            "--slo",
            "api",
            "--from",
            "2026-11-20T11:57:00Z",
            "--to",
            "2026-11-20T12:00:00Z",
            "--format",
            "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(2).get("timestamp").asText()).isEqualTo("2026-11-20T12:00:00.000Z");
    assertThat(rows.get(2).get("good_events").asLong()).isEqualTo(980);
    assertThat(rows.get(2).get("total_events").asLong()).isEqualTo(1000);
    assertThat(rows.get(2).get("sli_value").asDouble()).isEqualTo(98.0);
    CliRun unknown =
        CliRun.of("history", "--jdbc", url, "--slo", "nope", "--from", "0", "--to", "1");
    assertThat(unknown.code()).isEqualTo(2);
  }

  @Test
  void shouldFailClearlyOnBadUrlsAndPasswords() {
    CliRun malformed = CliRun.of("eval", "--jdbc", "postgres://nope");
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err().lines().toList()).hasSize(1);
    String wrong = url.replace("password=slo", "password=wrong");
    if (!wrong.equals(url)) {
      CliRun denied = CliRun.of("eval", "--jdbc", wrong);
      assertThat(denied.code()).isEqualTo(3);
      assertThat(denied.err()).doesNotContain("password=wrong").doesNotContain("Exception");
      assertThat(denied.err().lines().toList()).hasSize(1);
    }
    CliRun both =
        CliRun.of("eval", "--spec", spec.toString(), "--data", data.toString(), "--jdbc", url);
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("not several");
  }
}
