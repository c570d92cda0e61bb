package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slo.testing.OwnDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slo corrections add|list|delete --jdbc}, and the same correction giving the same {@code
 * eval} from the store as from a spec with a data file. Uses its own database, slo_corr_cli.
 */
class CorrectionsJdbcCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path spec;
  static Path data;
  static String url;

  @BeforeAll
  static void setUp() {
    url = OwnDatabase.fresh("slo_corr_cli");
    spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
    data = Fixtures.write(dir, "events.csv", Fixtures.data());
    CliRun ingest =
        CliRun.of("ingest", "--jdbc", url, "--data", data.toString(), "--spec", spec.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
  }

  private static CliRun add(String... extra) {
    String[] base = {"corrections", "add", "--jdbc", url};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @Test
  void shouldStoreListApplyAndDeleteACorrection() throws Exception {
    CliRun before = CliRun.of("eval", "--jdbc", url, "--format", "json");
    assertThat(JSON.readTree(before.out()).get(0).get("alerts")).isNotEmpty();

    CliRun stored =
        add(
            "--id",
            "release-42",
            "--service",
            "api",
            "--start",
            "2026-11-20T11:00:00Z",
            "--duration",
            "1h",
            "--category",
            "deployment",
            "--description",
            "Release 42 rollout");
    assertThat(stored.code()).as(stored.err()).isZero();
    assertThat(stored.out()).contains("stored correction release-42");

    // the same correction written in the spec, over the data file: the same JSON, byte for byte
    Path withSpec =
        Fixtures.write(dir, "corrected.yaml", Fixtures.SPEC + CorrectionsCliTest.DEPLOY);
    CliRun file =
        CliRun.of(
            "eval", "--spec", withSpec.toString(), "--data", data.toString(), "--format", "json");
    CliRun db = CliRun.of("eval", "--jdbc", url, "--format", "json");
    assertThat(db.code()).as(db.err()).isZero();
    assertThat(db.out()).isEqualTo(file.out());
    JsonNode api = JSON.readTree(db.out()).get(0);
    assertThat(api.get("alerts")).isEmpty();
    assertThat(api.get("corrections").get("excluded_events").asLong()).isEqualTo(60_000);
    assertThat(CliRun.of("check", "--jdbc", url).code()).isEqualTo(ExitCode.OK);

    CliRun list = CliRun.of("corrections", "list", "--jdbc", url);
    assertThat(list.out())
        .contains(
            "release-42  service api  2026-11-20T11:00:00.000Z  1h  once  deployment  Release 42"
                + " rollout");
    JsonNode json =
        JSON.readTree(CliRun.of("corrections", "list", "--jdbc", url, "--format", "json").out());
    assertThat(json.get(0).get("end").asText()).isEqualTo("2026-11-20T12:00:00.000Z");

    CliRun deleted = CliRun.of("corrections", "delete", "--jdbc", url, "release-42");
    assertThat(deleted.code()).as(deleted.err()).isZero();
    CliRun again = CliRun.of("corrections", "delete", "--jdbc", url, "release-42");
    assertThat(again.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(again.err()).contains("release-42: no such correction in");
    assertThat(CliRun.of("eval", "--jdbc", url, "--format", "json").out()).isEqualTo(before.out());
  }

  @Test
  void shouldRefuseBadOptionsWithOneLineNamingTheOption() {
    String t = "2026-11-20T11:00:00Z";
    CliRun slo = add("--slo", "nope", "--start", t, "--duration", "1h");
    assertThat(slo.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(slo.err().strip().lines()).hasSize(1);
    assertThat(slo.err()).startsWith("slo: --slo: \"nope\" is not a known slo_id; known: api");
    assertThat(add("--slo", "api", "--start", t, "--end", "2026-11-20T10:00:00Z").err())
        .startsWith("slo: --end: \"2026-11-20T10:00:00Z\" is not after start");
    assertThat(
            add("--slo", "api", "--start", t, "--duration", "1h", "--rrule", "FREQ=WEEKLY;BYDAY=X")
                .err())
        .startsWith("slo: --rrule: \"BYDAY=X\" is not valid");
    assertThat(
            add(
                    "--slo",
                    "api",
                    "--start",
                    "2026-11-20T11:00",
                    "--duration",
                    "1h",
                    "--time-zone",
                    "Mars/Olympus")
                .err())
        .startsWith("slo: --time-zone: \"Mars/Olympus\" is not a valid time_zone");
    assertThat(add("--start", t, "--duration", "1h").err())
        .startsWith("slo: no selector; give slo_ids");
    assertThat(CliRun.of("corrections", "list").code()).isEqualTo(ExitCode.BAD_INPUT);
  }
}
