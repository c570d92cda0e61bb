package dev.slo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.model.Slo;
import dev.slo.core.model.SloType;
import dev.slo.core.model.TimePeriod;
import dev.slo.core.source.EventCounts;
import dev.slo.core.source.InMemoryEventSource;
import dev.slo.core.window.Window;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional labels column of data files (CSV and JSON Lines) and grouped SLOs over it. */
class DataFileLabelsTest {
  private static final String HEADER = "timestamp,slo_id,good_events,total_events,labels\n";
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Window ALL = new Window(T0.minusSeconds(1), T0.plusSeconds(3600));

  private static DataSet read(String text, Map<String, List<String>> groupBy) {
    return DataFileReader.read(
        "data.csv", new BufferedReader(new StringReader(text)), null, groupBy);
  }

  private static Slo slo(List<String> groupBy) {
    return Slo.builder()
        .sloId("api")
        .sloName("API")
        .serviceName("api")
        .sloType(SloType.AVAILABILITY)
        .targetPercentage(99)
        .timePeriod(TimePeriod.ROLLING_1H)
        .groupBy(groupBy)
        .build();
  }

  @Test
  void shouldKeyCsvLabelledRowsByGroupIdInNameOrder() {
    DataSet d =
        read(
            HEADER
                + "2026-06-01T00:00:00Z,api,9,10,\"{\"\"route\"\":\"\"/pay\"\",\"\"method\"\":\"\"GET\"\"}\"\n"
                + "2026-06-01T00:01:00Z,api,5,5,\"{\"\"method\"\":\"\"GET\"\",\"\"route\"\":\"\"/pay\"\"}\"\n"
                + "2026-06-01T00:01:00Z,api,1,2,\n"
                + "2026-06-01T00:01:00Z,web,3,4,\n",
            Map.of());
    assertThat(d.series().keySet())
        .containsExactlyInAnyOrder("api{method=\"GET\",route=\"/pay\"}", "api", "web");
    assertThat(d.series().get("api{method=\"GET\",route=\"/pay\"}").total())
        .isEqualTo(new EventCounts(14, 15));
    assertThat(d.series().get("web").total()).isEqualTo(new EventCounts(3, 4));
  }

  @Test
  void shouldReadLabelsFromJsonLinesAndGroupIdsFromSloId() {
    DataSet d =
        read(
            "{\"timestamp\":1780272000,\"slo_id\":\"api\",\"good_events\":1,\"total_events\":2,"
                + "\"labels\":{\"route\":\"a\\\"b\\\\c\\nd\"}}\n"
                + "{\"timestamp\":1780272060,\"slo_id\":\"api{route=\\\"a\\\\\\\"b\\\\\\\\c\\\\nd\\\"}\","
                + "\"good_events\":3,\"total_events\":3}\n",
            Map.of("api", List.of("route")));
    assertThat(d.series()).containsOnlyKeys("api{route=\"a\\\"b\\\\c\\nd\"}");
    assertThat(d.series().get("api{route=\"a\\\"b\\\\c\\nd\"}").total())
        .isEqualTo(new EventCounts(4, 5));
  }

  @Test
  void shouldRefuseARowOfAGroupedSloWithoutLabelsNamingTheLine() {
    assertThatThrownBy(
            () ->
                read(
                    HEADER
                        + "2026-06-01T00:00:00Z,api,9,10,\"{\"\"route\"\":\"\"/a\"\"}\"\n"
                        + "2026-06-01T00:01:00Z,api,9,10,\n",
                    Map.of("api", List.of("route"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "data.csv:3: the row of SLO api has no labels, and the SLO has group_by [route]; give"
                + " the row's labels (a labels column, or key in JSON Lines)");
  }

  @Test
  void shouldRefuseARowWithoutAGroupByLabelNamingTheLine() {
    assertThatThrownBy(
            () ->
                read(
                    HEADER + "2026-06-01T00:00:00Z,api,9,10,\"{\"\"method\"\":\"\"GET\"\"}\"\n",
                    Map.of("api", List.of("route"))))
        .hasMessage(
            "data.csv:2: labels has no route, a group_by label of SLO api; give every group_by"
                + " label [route]");
  }

  @Test
  void shouldRefuseBadLabelsNamingTheLine() {
    assertThatThrownBy(() -> read(HEADER + "1780272000,api,1,1,\"[1]\"\n", Map.of()))
        .hasMessage("data.csv:2: labels must be a JSON object of label names to texts");
    assertThatThrownBy(() -> read(HEADER + "1780272000,api,1,1,\"{\"\"r\"\":1}\"\n", Map.of()))
        .hasMessage("data.csv:2: the label \"r\" must have a text value");
    assertThatThrownBy(
            () -> read(HEADER + "1780272000,api,1,1,\"{\"\"a-b\"\":\"\"x\"\"}\"\n", Map.of()))
        .hasMessageStartingWith("data.csv:2: labels: \"a-b\" is not a valid group_labels");
    assertThatThrownBy(() -> read(HEADER + "1780272000,api,1,1,\"{oops\n", Map.of()))
        .hasMessage("data.csv:2: a quoted field has no closing quote");
  }

  @Test
  void shouldDiscoverGroupsSeenInTheRangeOnly() {
    DataSet d =
        read(
            HEADER
                + "2026-06-01T00:00:00Z,api,9,10,\"{\"\"route\"\":\"\"/a\"\"}\"\n"
                + "2026-06-01T00:30:00Z,api,9,10,\"{\"\"route\"\":\"\"/b\"\"}\"\n",
            Map.of("api", List.of("route")));
    InMemoryEventSource source = d.source();
    assertThat(source.groups(slo(List.of("route")), T0.minusSeconds(1), T0.plusSeconds(3600)))
        .containsExactlyInAnyOrder(Map.of("route", "/a"), Map.of("route", "/b"));
    assertThat(source.groups(slo(List.of("route")), T0, T0.plusSeconds(3600)))
        .containsExactly(Map.of("route", "/b"));
  }

  @Test
  void shouldSumLabelSetsThatShareTheGroupByValuesAndAllForAnUngroupedSlo() {
    DataSet d =
        read(
            HEADER
                + "2026-06-01T00:00:00Z,api,9,10,\"{\"\"route\"\":\"\"/a\"\",\"\"pod\"\":\"\"1\"\"}\"\n"
                + "2026-06-01T00:00:00Z,api,8,10,\"{\"\"route\"\":\"\"/a\"\",\"\"pod\"\":\"\"2\"\"}\"\n"
                + "2026-06-01T00:01:00Z,api,1,10,\"{\"\"route\"\":\"\"/b\"\",\"\"pod\"\":\"\"1\"\"}\"\n",
            Map.of());
    InMemoryEventSource source = d.source();
    Slo grouped = slo(List.of("route"));
    assertThat(source.counts(grouped.forGroup(Map.of("route", "/a")), List.of(ALL)))
        .containsExactly(new EventCounts(17, 20));
    assertThat(source.counts(grouped.forGroup(Map.of("route", "/b")), List.of(ALL)))
        .containsExactly(new EventCounts(1, 10));
    assertThat(source.counts(slo(List.of()), List.of(ALL)))
        .containsExactly(new EventCounts(18, 30));
  }

  @Test
  void shouldStreamLabelsWithEachRow() {
    List<DataRow> rows = new ArrayList<>();
    DataFileReader.forEach(
        "d.jsonl",
        new BufferedReader(
            new StringReader(
                "{\"timestamp\":1780272000,\"slo_id\":\"api\",\"good_events\":1,"
                    + "\"total_events\":2,\"labels\":{\"route\":\"/a\"}}\n")),
        rows::add);
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.labels()).containsExactly(Map.entry("route", "/a"));
              assertThat(r.key()).isEqualTo("api{route=\"/a\"}");
            });
  }

  @Test
  void shouldKeepTheFastPathResultsForUnlabelledRowsOfALabelledFile() {
    DataSet d =
        read(
            HEADER + "2026-06-01T00:00:00Z,api,9,10,\n2026-06-01T00:00:00Z , api ,1,2, \n",
            Map.of());
    assertThat(d.series().get("api").total()).isEqualTo(new EventCounts(10, 12));
  }
}
