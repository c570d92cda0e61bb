package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slo ingest} data safety: same-step rows, credentials in URLs, failure counts. */
class StoreIngestCliIT {
  @TempDir static Path dir;
  static String url;
  static Path spec;

  @BeforeAll
  static void setUp() {
    url = TestDatabase.freshSchema("slo_store_cli");
    spec =
        Fixtures.write(
            dir,
            "inj.yaml",
            """
            slos:
              - slo_id: inj-1
                slo_name: Injected
                service_name: inj
                slo_type: AVAILABILITY
                target_percentage: 99
                time_period: ROLLING_30D
            """);
  }

  @Test
  void shouldSumTheRowsOfOneStepAsEvalDoesAndKeepTheSumOnReRun() throws Exception {
    Path data =
        Fixtures.write(
            dir,
            "dup.csv",
            "timestamp,slo_id,good_events,total_events\n"
                + "1796120000,inj-1,90,100\n"
                + "1796120000,inj-1,5,10\n");
    for (int run = 0; run < 2; run++) {
      CliRun ingest =
          CliRun.of("ingest", "--jdbc", url, "--data", data.toString(), "--spec", spec.toString());
      assertThat(ingest.code()).as(ingest.err()).isZero();
      assertThat(ingest.out()).contains("stored 1 rows").contains("2 rows read");
    }
    CliRun history =
        CliRun.of(
            "history",
            "--jdbc",
            url,
            "--slo",
            "inj-1",
            "--from",
            "1796119999",
            "--to",
            "1796120000",
            "--format",
            "json");
    assertThat(history.code()).as(history.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(history.out());
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("good_events").asLong()).isEqualTo(95);
    assertThat(rows.get(0).get("total_events").asLong()).isEqualTo(110);
    String at = "--at=2026-12-01T00:00:00Z";
    CliRun fromFile =
        CliRun.of(
            "eval", "--spec", spec.toString(), "--data", data.toString(), at, "--format", "json");
    CliRun fromStore =
        CliRun.of("eval", "--spec", spec.toString(), "--jdbc", url, at, "--format", "json");
    assertThat(fromStore.code()).as(fromStore.err()).isZero();
    assertThat(fromStore.out()).isEqualTo(fromFile.out());
  }

  @Test
  void shouldStoreNothingWhenALaterRowIsBad() {
    Path data =
        Fixtures.write(
            dir,
            "bad.csv",
            "timestamp,slo_id,good_events,total_events\n"
                + "1796130000,inj-1,1,1\n"
                + "1796130060,inj-1,5,4\n");
    CliRun ingest =
        CliRun.of("ingest", "--jdbc", url, "--data", data.toString(), "--spec", spec.toString());
    assertThat(ingest.code()).isEqualTo(2);
    CliRun history =
        CliRun.of(
            "history",
            "--jdbc",
            url,
            "--slo",
            "inj-1",
            "--from",
            "1796129999",
            "--to",
            "1796130060",
            "--format",
            "json");
    assertThat(history.out().trim()).isEqualTo("[]");
  }

  @Test
  void shouldMaskAPasswordBeforeTheHostAndCallItBadInput() {
    CliRun r = CliRun.of("eval", "--jdbc", "jdbc:postgresql://user:SecretPw999@127.0.0.1:5432/db");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).doesNotContain("SecretPw999").contains("user:***@");
    assertThat(r.err().lines().toList()).hasSize(1);
    CliRun ingest =
        CliRun.of(
            "ingest",
            "--jdbc",
            "jdbc:postgresql://u:SecretPw999@127.0.0.1/db?password=SecretPw999",
            "--data",
            "nope.csv");
    assertThat(ingest.code()).isEqualTo(2);
    assertThat(ingest.err() + ingest.out()).doesNotContain("SecretPw999");
  }

  @Test
  void shouldCallAnUnknownSslmodeBadInput() {
    CliRun r = CliRun.of("eval", "--jdbc", url + "&sslmode=bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("sslmode=bogus").doesNotContain("password=slo");
    assertThat(r.err().lines().toList()).hasSize(1);
  }
}
