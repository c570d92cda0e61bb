package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --out} of report, rules and dashboard: what is replaced and what is written into. */
class OutputTargetTest {
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
    return switch (command) {
      case "report" -> {
        Path data = Fixtures.write(dir, "d.csv", "timestamp,slo_id,good_events,total_events\n");
        yield new String[] {
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
      default -> new String[] {command, "--spec", spec.toString(), "--out", out.toString()};
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldReplaceTheTargetOfASymlinkAndKeepTheLink(String command) throws IOException {
    Path real = Files.writeString(dir.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
    CliRun r = CliRun.of(args(command, link));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isNotEqualTo("old").isNotEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldWriteIntoAFifoWithoutReplacingIt(String command) throws Exception {
    writeIntoFifo(command, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldWriteIntoAFifoBehindASymlinkAsIntoDevStdout(String command) throws Exception {
    writeIntoFifo(command, true);
  }

  private void writeIntoFifo(String command, boolean viaLink) throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mk.exitValue()).isZero();
    CompletableFuture<String> read =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "failed: " + e;
              }
            });
    Path out = viaLink ? Files.createSymbolicLink(dir.resolve("out-link"), fifo) : fifo;
    CliRun r = CliRun.of(args(command, out));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(read.get(10, TimeUnit.SECONDS)).isNotEmpty().doesNotStartWith("failed");
    assertThat(Files.isSymbolicLink(out)).isEqualTo(viaLink);
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldWriteDashToStandardOutput(String command) {
    CliRun r = CliRun.of(args(command, Path.of("-")));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isNotEmpty();
    assertThat(Files.exists(Path.of("-"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldCreateNewFilesWithTheUmaskModeAndKeepAnExistingFilesMode(String command)
      throws IOException {
    Path reference = dir.resolve("ref");
    Files.newOutputStream(reference).close(); // 0666 less the umask, as a shell's > gives
    Set<PosixFilePermission> umaskMode = Files.getPosixFilePermissions(reference);
    Path fresh = dir.resolve("fresh.out");
    assertThat(CliRun.of(args(command, fresh)).code()).isZero();
    assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(umaskMode);

    Path kept = Files.writeString(dir.resolve("kept.out"), "old");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(CliRun.of(args(command, kept)).code()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
        .isEqualTo("rw-r-----");
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldRefuseADirectoryInOneLineAndLeaveNoTemporaryFile(String command) throws IOException {
    Path target = Files.createDirectory(dir.resolve("out-dir"));
    CliRun r = CliRun.of(args(command, target));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().asString().endsWith(": is a directory, not a file");
    assertThat(leftovers()).isEmpty();
    try (var s = Files.list(target)) {
      assertThat(s).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "rules", "dashboard"})
  void shouldRefuseAMissingDirectoryInOneLine(String command) {
    CliRun r = CliRun.of(args(command, dir.resolve("no/such/x.out")));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .endsWith("cannot write: no such directory");
  }

  private List<Path> leftovers() throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
