package dev.slo.interop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.data.DataRow;
import dev.slo.core.data.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataFiles}: data files read from disk, with the file named in every error. */
class DataFilesTest {
  private static final String CSV =
      """
      timestamp,slo_id,good_events,total_events
      2026-11-01T00:00:00Z,api,998,1000
      2026-11-01T01:00:00Z,api,999,1000
      """;

  @TempDir Path dir;

  @Test
  void shouldReadEveryRowAsASetAndOneByOne() throws IOException {
    Path p = Files.writeString(dir.resolve("d.csv"), CSV);
    DataSet set = DataFiles.read(p, Set.of("api"));
    assertThat(set.warnings()).isEmpty();
    List<DataRow> rows = new ArrayList<>();
    DataFiles.forEach(p, rows::add);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).goodEvents()).isEqualTo(998);
  }

  @Test
  void shouldNameAMissingFile() {
    Path p = dir.resolve("none.csv");
    assertThatThrownBy(() -> DataFiles.read(p, Set.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(p + ": no such file");
    assertThatThrownBy(() -> DataFiles.forEach(p, r -> {}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(p + ": no such file");
  }

  @Test
  void shouldNameAFileThatIsNotUtf8() throws IOException {
    Path p = dir.resolve("bad.csv");
    Files.write(p, (CSV + "2026-11-01T02:00:00Z,api,1,1,\u00e9\n").getBytes("ISO-8859-1"));
    assertThatThrownBy(() -> DataFiles.read(p, Set.of("api")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(p + ": not UTF-8 text");
  }

  @Test
  void shouldKnowTheSlosGivenAndSkipRowsOfOthers() throws IOException {
    Path p = Files.writeString(dir.resolve("d.csv"), CSV + "2026-11-01T02:00:00Z,web,1,1\n");
    dev.slo.core.model.Slo api =
        dev.slo.core.spec.SpecParser.parse(
                "spec.yaml",
                """
                slos:
                  - slo_id: api
                    slo_name: API
                    service_name: api
                    slo_type: AVAILABILITY
                    target_percentage: 99.9
                    time_period: ROLLING_30D
                """)
            .slos()
            .get(0);
    DataSet set = DataFiles.read(p, List.of(api));
    assertThat(set.warnings()).containsExactly(p + ": skipped 1 row for SLOs not in the spec: web");
  }
}
