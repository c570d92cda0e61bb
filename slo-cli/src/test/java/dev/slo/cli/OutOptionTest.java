package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --out} of report, rules and dashboard goes through the library's {@code OutputTarget} (its
 * cases are tested in slo-interop): a link's target is replaced, a directory is refused.
 */
class OutOptionTest {
  private static final String SPEC =
      """
      slos:
        - slo_id: api
          slo_name: API availability
          service_name: api
          slo_type: AVAILABILITY
          target_percentage: 99.9
          time_period: ROLLING_30D
          good_counter: ok_total
          total_counter: all_total
      """;

  @TempDir Path dir;

  private String[] args(String command, Path out) {
    Path spec = Fixtures.write(dir, "s.yaml", SPEC);
    if (command.equals("report")) {
      Path data = Fixtures.write(dir, "d.csv", "timestamp,slo_id,good_events,total_events\n");
      return new String[] {
        "report",
        "--spec",
        spec.toString(),
        "--data",
        data.toString(),
        "--format",
        "json",
        "--out",
        out.toString()
      };
    }
    return new String[] {command, "--spec", spec.toString(), "--out", out.toString()};
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldReplaceTheTargetOfASymlinkAndKeepTheLink(String command) throws IOException {
    Path real = Files.writeString(dir.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
    CliRun r = CliRun.of(args(command, link));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isNotEqualTo("old").isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldRefuseADirectoryInOneLineWithExitTwo(String command) throws IOException {
    Path target = Files.createDirectory(dir.resolve("out-dir"));
    CliRun r = CliRun.of(args(command, target));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .isEqualTo("slo: --out " + target + ": is a directory, not a file");
  }
}
