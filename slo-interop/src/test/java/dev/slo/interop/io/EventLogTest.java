package dev.slo.interop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.eval.Evaluation;
import dev.slo.core.eval.Evaluator;
import dev.slo.core.model.Slo;
import dev.slo.core.spec.SpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events are appended one JSON line per evaluation, after what the file held. */
class EventLogTest {
  @TempDir Path dir;

  @Test
  void shouldAppendOneStatusEventLinePerEvaluation() throws IOException {
    Slo api =
        SpecParser.parse(
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
    Path data =
        Files.writeString(
            dir.resolve("d.csv"),
            "timestamp,slo_id,good_events,total_events\n2026-11-01T00:00:00Z,api,998,1000\n");
    Evaluation e =
        new Evaluator()
            .evaluate(
                api,
                DataFiles.read(data, List.of(api)).source(),
                Instant.parse("2026-11-02T00:00:00Z"));
    Path log = Files.writeString(dir.resolve("events.jsonl"), "earlier\n");
    EventLog.append(log, List.of(e, e));
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(3).first().isEqualTo("earlier");
    assertThat(lines.get(1))
        .contains("\"slo_status_update\":{\"slo_id\":\"api\"")
        .contains("\"current_sli\":99.8");
  }

  @Test
  void shouldNameAFileThatCannotBeAppendedTo() {
    Path missing = dir.resolve("no/such/events.jsonl");
    assertThatThrownBy(() -> EventLog.append(missing, List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(missing + ": cannot append events: ");
  }
}
