package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.alert.Severity;
import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.testing.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL rules table does; the shared behaviour is in JdbcStoreContractTest. */
class AlertRuleRepositoryIT {
  private JdbcStore store;
  private AlertRuleRepository rules;

  @BeforeEach
  void setUp() {
    store = JdbcStore.open(TestDatabase.freshSchema("slo_t_rules"), Map.of());
    rules = store.alertRules();
    store.slos().create(Rows.slo("a", "svc"));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static BurnRateAlertRule withId(String alertRuleId, double threshold) {
    return new BurnRateAlertRule(
        null, "a", threshold, Duration.ofHours(6), null, Severity.PAGE, alertRuleId, true, null);
  }

  @Test
  void shouldStoreHostileAlertRuleIdsVerbatim() {
    double t = 1;
    for (String s : SloRepositoryIT.HOSTILE) {
      BurnRateAlertRule r = rules.create(withId(s, t++));
      assertThat(r.alertRuleId()).isEqualTo(s);
    }
    assertThat(rules.list("a"))
        .extracting(BurnRateAlertRule::alertRuleId)
        .containsExactlyElementsOf(SloRepositoryIT.HOSTILE);
    assertThatThrownBy(() -> rules.create(withId("x\0", 99)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("\"x\\0\" is not a valid alert_rule_id");
  }

  @Test
  void shouldCarryPackedRuleIdsOverToColumnsAndDropDuplicates() throws Exception {
    String url = TestDatabase.freshSchema("slo_t_rules_v3");
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(resource("V1__schema.sql"));
      st.execute(
          "CREATE TABLE slo_schema_version (version integer PRIMARY KEY, description text NOT"
              + " NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      st.execute(
          "INSERT INTO slo_schema_version (version, description) VALUES (1, 'v1'), (2, 'v2')");
      st.execute(
          "INSERT INTO slos (slo_id, slo_name, service_name, slo_type, target_percentage,"
              + " time_period, sli_query) VALUES ('api', 'API', 'api', 'AVAILABILITY', 99.9,"
              + " 'ROLLING_30D', '')");
      String insert =
          "INSERT INTO slo_burn_rate_alerts (slo_id, burn_rate_threshold, time_window,"
              + " alert_rule_id, created_at) VALUES ";
      st.execute(
          insert
              + "('api', 14.4, '1h', 'api:burn_rate:1h:5m:page', '2026-01-01T00:00:00Z'),"
              + "('api', 14.4, '1h', 'api:burn_rate:1h:5m:page', '2026-01-01T00:01:00Z'),"
              + "('api', 1, '3d', 'api:burn_rate:3d:ticket', '2026-01-01T00:02:00Z'),"
              + "('api', 2, '6h', 'mine', '2026-01-01T00:03:00Z')");
    }
    try (JdbcStore migrated = JdbcStore.open(url, Map.of())) {
      List<BurnRateAlertRule> got = migrated.alertRules().list("api");
      assertThat(got)
          .extracting(BurnRateAlertRule::alertRuleId)
          .containsExactly("burn_rate:14.4:1h:5m:page", "burn_rate:1:3d:ticket", "mine");
      assertThat(got.get(0).shortWindow()).isEqualTo(Duration.ofMinutes(5));
      assertThat(got.get(0).severity()).isEqualTo(Severity.PAGE);
      assertThat(got.get(1).shortWindow()).isNull();
      assertThat(got.get(1).severity()).isEqualTo(Severity.TICKET);
      assertThat(got.get(2).severity()).isEqualTo(Severity.PAGE);
    }
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
