package dev.slo.server;

import static dev.slo.server.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.store.BurnRateAlertRule;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 64 identical burn-rate alert rules posted at once: one is created, the others are 409. */
@Timeout(60)
class DuplicateAlertRuleTest {
  static final String RULE =
      "{\"burn_rate_threshold\": 14.4, \"time_window\": \"1h\", \"short_window\": \"5m\"}";

  @Test
  void shouldCreateOneRuleFrom64ConcurrentIdenticalPosts() throws Exception {
    try (Harness h = new Harness(c -> c, b -> b.threads(8))) {
      assertOneRuleFrom64Posts(h);
    }
  }

  /** Posts the same rule 64 times at once and checks one 201, 63 409s, one stored rule. */
  static void assertOneRuleFrom64Posts(Harness h) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return h.post("/api/v1/slos/api/burn-rate-alert", RULE);
                },
                clients));
      }
      go.countDown();
      List<Integer> codes = new ArrayList<>();
      HttpResponse<String> created = null;
      for (CompletableFuture<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get(30, TimeUnit.SECONDS);
        codes.add(r.statusCode());
        if (r.statusCode() == 201) {
          created = r;
        } else {
          assertThat(json(r).get("error").asText()).as(r.body()).isEqualTo("conflict");
        }
      }
      assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
      assertThat(codes).filteredOn(c -> c == 409).hasSize(63);
      List<BurnRateAlertRule> stored = h.store.alertRules().list("api");
      assertThat(stored).hasSize(1);
      assertThat(json(created).get("alert_rule_id").asText())
          .isEqualTo(stored.get(0).alertRuleId());
      assertThat(json(created).get("id").asText()).isEqualTo(stored.get(0).id().toString());
    } finally {
      clients.shutdownNow();
    }
  }
}
