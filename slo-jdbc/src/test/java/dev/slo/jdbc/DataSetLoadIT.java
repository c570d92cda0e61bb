package dev.slo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataRow;
import dev.slo.core.model.Slo;
import dev.slo.core.source.EventCounts;
import dev.slo.core.window.Window;
import dev.slo.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A data set loaded with a spec: SLOs stored, rows of groups under group ids, others skipped. */
class DataSetLoadIT {
  private JdbcStore store;

  @BeforeEach
  void setUp() {
    store = JdbcStore.open(TestDatabase.freshSchema("slo_t_dataset_load"), Map.of());
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private static DataRow row(int line, String id, long good, Map<String, String> labels) {
    return new DataRow(line, Rows.T0.plusSeconds(60L * line), id, good, 10, labels);
  }

  @Test
  void shouldStoreTheSpecAndRouteGroupedRowsSkippingUnknownSlos() {
    Slo plain = Rows.slo("plain", "svc");
    Slo grouped = Rows.slo("grouped", "svc").toBuilder().groupBy(List.of("route")).build();
    List<DataRow> rows =
        List.of(
            row(1, "plain", 9, Map.of()),
            row(2, "grouped", 8, Map.of("route", "/a", "pod", "p1")),
            row(3, "grouped", 7, Map.of("route", "/a", "pod", "p2")),
            row(4, "other", 1, Map.of()));
    DataSetLoad.Outcome o =
        DataSetLoad.run(store, List.of(plain, grouped), "d.csv", sink -> rows.forEach(sink));
    assertThat(o.skipped()).isEqualTo(1);
    assertThat(o.result().storedRows()).isEqualTo(3);
    assertThat(store.slos().get("grouped")).isPresent();
    Window w = new Window(Rows.T0, Rows.T0.plusSeconds(3600));
    assertThat(store.eventSource().counts(grouped.forGroup(Map.of("route", "/a")), List.of(w)))
        .containsExactly(new EventCounts(15, 20));
    // without a spec, the stored SLOs decide what is kept
    DataSetLoad.Outcome again = DataSetLoad.run(store, null, "d.csv", sink -> rows.forEach(sink));
    assertThat(again.skipped()).isEqualTo(1);
  }

  @Test
  void shouldNameTheLineOfARowLackingAGroupByLabel() {
    Slo grouped = Rows.slo("grouped", "svc").toBuilder().groupBy(List.of("route")).build();
    assertThatThrownBy(
            () ->
                DataSetLoad.run(
                    store,
                    List.of(grouped),
                    "d.csv",
                    sink -> sink.accept(row(7, "grouped", 1, Map.of("pod", "p1")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("d.csv:7: labels has no route, a group_by label of SLO grouped; [route]");
  }
}
