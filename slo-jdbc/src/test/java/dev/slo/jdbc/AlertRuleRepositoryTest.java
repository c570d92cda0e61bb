package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.store.AlertRuleRepository;
import dev.slo.core.store.BurnRateAlertRule;
import dev.slo.core.store.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertRuleRepositoryTest {
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

  @Test
  void shouldRoundTripRulesInCreationOrder() {
    BurnRateAlertRule page =
        rules.create(BurnRateAlertRule.of("a", 14.4, Duration.ofHours(1), "p"));
    BurnRateAlertRule ticket =
        rules.create(
            new BurnRateAlertRule(
                null, "a", 1.0, Duration.ofDays(3).plusMinutes(30), null, false, null));
    assertThat(page.id()).isNotNull();
    assertThat(page.createdAt()).isNotNull();
    assertThat(rules.list("a")).containsExactly(page, ticket);
    assertThat(ticket.timeWindow()).isEqualTo(Duration.ofDays(3).plusMinutes(30));
    assertThat(ticket.enabled()).isFalse();
    assertThat(ticket.alertRuleId()).isNull();
    assertThat(rules.list("other")).isEmpty();
  }

  @Test
  void shouldStoreHostileAlertRuleIdsVerbatim() {
    for (String s : SloRepositoryTest.HOSTILE) {
      BurnRateAlertRule r = rules.create(BurnRateAlertRule.of("a", 6, Duration.ofHours(6), s));
      assertThat(r.alertRuleId()).isEqualTo(s);
    }
    assertThat(rules.list("a"))
        .extracting(BurnRateAlertRule::alertRuleId)
        .containsExactlyElementsOf(SloRepositoryTest.HOSTILE);
    assertThatThrownBy(() -> rules.create(BurnRateAlertRule.of("a", 6, Duration.ofHours(6), "x\0")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("\"x\\0\" is not a valid alert_rule_id");
  }

  @Test
  void shouldRefuseRulesOfUnknownSlosAndDeleteWithTheSlo() {
    assertThatThrownBy(() -> rules.create(BurnRateAlertRule.of("zz", 2, Duration.ofHours(1), null)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("\"zz\" is not a stored slo_id");
    BurnRateAlertRule r = rules.create(BurnRateAlertRule.of("a", 2, Duration.ofHours(1), null));
    BurnRateAlertRule s = rules.create(BurnRateAlertRule.of("a", 3, Duration.ofHours(2), null));
    assertThat(rules.delete(r.id())).isTrue();
    assertThat(rules.delete(r.id())).isFalse();
    assertThat(rules.delete(UUID.randomUUID())).isFalse();
    assertThat(rules.list("a")).containsExactly(s);
    store.slos().delete("a");
    assertThat(rules.list("a")).isEqualTo(List.of());
  }
}
