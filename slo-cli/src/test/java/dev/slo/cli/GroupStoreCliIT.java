package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grouped SLO through PostgreSQL (migration 9): {@code slo ingest} of a data file with labels
 * stores each group under its group id with its labels, and {@code slo eval --jdbc} discovers the
 * groups and prints the same as {@code --data} on the file.
 */
class GroupStoreCliIT {
  @TempDir static Path dir;
  static String url;
  static Path spec;

  @BeforeAll
  static void setUp() {
    url = TestDatabase.freshSchema("slo_group_cli");
    spec =
        Fixtures.write(
            dir,
            "g.yaml",
            """
            slos:
              - slo_id: g_api
                slo_name: Grouped
                service_name: shop
                slo_type: AVAILABILITY
                target_percentage: 99
                time_period: ROLLING_24H
                group_by: [route]
                max_groups: 5
            """);
  }

  @Test
  void shouldStoreGroupsWithLabelsAndEvaluateThemAsTheFileDoes() throws Exception {
    Path data =
        Fixtures.write(
            dir,
            "g.csv",
            """
            timestamp,slo_id,good_events,total_events,labels
            2026-11-20T06:00:00Z,g_api,600,600,"{""route"":""/a"",""pod"":""1""}"
            2026-11-20T06:00:00Z,g_api,399,400,"{""route"":""/a"",""pod"":""2""}"
            2026-11-20T11:00:00Z,g_api,95,100,"{""route"":""/b""}"
            2026-11-20T11:30:00Z,g_api,10,10,"{""route"":""x\\""y""}"
            """);
    CliRun ingest =
        CliRun.of("ingest", "--jdbc", url, "--data", data.toString(), "--spec", spec.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();

    List<String> stored = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT slo_id, labels->>'route', good_events FROM sli_metrics_ts"
                        + " ORDER BY slo_id")) {
      while (rs.next()) {
        stored.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3));
      }
    }
    assertThat(stored)
        .containsExactly(
            "g_api{route=\"/a\"} /a 999",
            "g_api{route=\"/b\"} /b 95",
            "g_api{route=\"x\\\"y\"} x\"y 10");

    String at = "--at=2026-11-20T12:00:00Z";
    CliRun fromFile =
        CliRun.of(
            "eval", "--spec", spec.toString(), "--data", data.toString(), at, "--format", "json");
    CliRun fromStore =
        CliRun.of("eval", "--spec", spec.toString(), "--jdbc", url, at, "--format", "json");
    assertThat(fromStore.code()).as(fromStore.err()).isZero();
    assertThat(fromFile.out()).contains("g_api{route=\\\"/b\\\"}");
    assertThat(fromStore.out()).isEqualTo(fromFile.out());
  }
}
