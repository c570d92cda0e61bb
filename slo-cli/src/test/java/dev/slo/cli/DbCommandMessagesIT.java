package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what {@code slo db migrate}, {@code db maintain}, {@code db verify}, {@code ingest} and
 * {@code serve --jdbc} print on PostgreSQL, for good runs and bad values: the exit code, standard
 * output and standard error, in the order the checks run. The expected text is {@code
 * db-command-messages.txt}, recorded from the commands as they were before their checks and lines
 * moved into slo-jdbc, with one change: a {@code db verify --from/--to} that is not a timestamp at
 * all (x, yesterday, 2026-11-19) used to end in exit 70 and a stack trace, and is now exit 2 with
 * "not a timestamp".
 */
class DbCommandMessagesIT {
  @TempDir Path dir;

  @Test
  void shouldPrintTheSameLinesAsBefore() throws Exception {
    String url = TestDatabase.freshSchema("slo_cliserve_db");
    String tiers =
        Fixtures.SPEC.replace(
            "      time_period: ROLLING_24H\n",
            "      time_period: ROLLING_24H\n"
                + "      alert_tiers:\n"
                + "        - {severity: PAGE, long_window: 1h, short_window: 5m,"
                + " burn_rate_threshold: 14.4}\n");
    String spec = Fixtures.write(dir, "slos.yaml", tiers).toString();
    String data = Fixtures.write(dir, "events.csv", Fixtures.data()).toString();
    String other =
        Fixtures.write(
                dir,
                "other.csv",
                "timestamp,slo_id,good_events,total_events\n"
                    + "2026-11-20T10:00:00Z,api,9,10\n"
                    + "2026-11-20T10:00:00Z,nope,9,10\n"
                    + "2026-11-20T10:01:00Z,nope,9,10\n")
            .toString();
    String[][] all = {
      {"db", "migrate"},
      {"db", "migrate", "--jdbc", url},
      {"db", "migrate", "--jdbc", url},
      {"ingest", "--data", data},
      {"ingest", "--jdbc", url, "--data", data, "--spec", spec},
      {"ingest", "--jdbc", url, "--data", other},
      {"ingest", "--jdbc", url, "--data", other, "--spec", spec},
      {"db", "maintain"},
      {"db", "maintain", "--jdbc", "bogus", "--raw-retention", "x"},
      {"db", "maintain", "--jdbc", url, "--raw-retention", "35x"},
      {"db", "maintain", "--jdbc", url, "--hourly-retention", "x"},
      {"db", "maintain", "--jdbc", url, "--daily-retention", "0d"},
      {"db", "maintain", "--jdbc", url, "--ahead", "soon"},
      {"db", "maintain", "--jdbc", url, "--partitioner", "foo"},
      {"db", "maintain", "--jdbc", url, "--raw-retention", "2x", "--partitioner", "foo"},
      {"db", "maintain", "--jdbc", url, "--ahead", "x", "--partitioner", "foo"},
      {"db", "maintain", "--jdbc", url, "--daily-retention", "x", "--hourly-retention", "y"},
      {"db", "maintain", "--jdbc", url, "--partitioner", "builtin", "--raw-retention", "40d"},
      {"db", "maintain", "--jdbc", url, "--partitioner", "builtin", "--daily-retention", "2y"},
      {"db", "maintain", "--jdbc", url, "--partitioner", "builtin"},
      {"db", "verify"},
      {"db", "verify", "--jdbc", "bogus", "--from", "x"},
      {"db", "verify", "--jdbc", url, "--from", "x"},
      {"db", "verify", "--jdbc", url, "--to", "yesterday"},
      {"db", "verify", "--jdbc", url, "--from", "x", "--to", "y"},
      {"db", "verify", "--jdbc", url, "--from", "2026-11-21T00:00:00Z", "--to", "2026-11-19"},
      {"db", "verify", "--jdbc", url, "--from", "2026-11-21T05:00:00Z", "--to", "1763596800"},
      {"db", "verify", "--jdbc", url},
      {"db", "verify", "--jdbc", url, "--from", "2026-11-18T05:00:00Z", "--to", "1763596800"},
      {"serve", "--spec", spec, "--jdbc", url, "--port", "0", "--maintain-every", "soon"},
      {"serve", "--spec", spec, "--jdbc", url, "--port", "0", "--maintain-every", "0s"},
    };
    List<String> lines = new ArrayList<>();
    for (String[] c : all) {
      CliRun r = CliRun.of(c);
      lines.add(String.join(" ", c));
      lines.add("  " + r.code() + "|" + r.out() + "|" + r.err());
    }
    String dump =
        (String.join("\n", lines) + "\n")
            .replace(url, "URL")
            .replace(dir.toString(), "DIR")
            // ingest makes partitions around the wall clock's today, db maintain around the run's
            // fixed clock: how many maintain still creates changes with the day the test runs
            .replaceAll("; created \\d+ partitions, dropped", "; created N partitions, dropped");
    String written = System.getProperty("slo.golden.write");
    if (written != null) {
      Files.writeString(Path.of(written), dump);
    }
    try (var in = DbCommandMessagesIT.class.getResourceAsStream("db-command-messages.txt")) {
      assertThat(dump)
          .isEqualTo(
              new String(
                  java.util.Objects.requireNonNull(in, "db-command-messages.txt").readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
