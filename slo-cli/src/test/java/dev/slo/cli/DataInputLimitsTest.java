package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slo.interop.io.InputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --data that is hostile in shape: an enormous line, a FIFO with or without a writer. */
class DataInputLimitsTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void files() {
    spec = Fixtures.write(dir, "slos.yaml", Fixtures.SPEC);
  }

  private CliRun eval(Path data) {
    return CliRun.of(
        "eval", "--spec", spec.toString(), "--data", data.toString(), "--format", "json");
  }

  private Path fifo(String name) throws Exception {
    Path p = dir.resolve(name);
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", p.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return p;
    }
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
    return p;
  }

  @Test
  @Timeout(60)
  void shouldRefuseAHundredMegabyteLineWithOneLineAndExit2() throws Exception {
    Path data = dir.resolve("nul.csv");
    byte[] nul = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(data)) {
      out.write("timestamp,slo_id,good_events,total_events\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 100; i++) {
        out.write(nul);
      }
    }

    CliRun r = eval(data);

    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "slo: "
                + data
                + ":2: the line is longer than 65536 characters; a data file line may hold at"
                + " most 65536 (64 KiB, see docs/limits.md)");
  }

  @Test
  @Timeout(30)
  void shouldGiveUpOnAFifoWithoutAWriter() throws Exception {
    Path f = fifo("nobody.csv");
    System.setProperty(InputFiles.FIFO_WAIT, "1");
    CliRun r;
    try {
      r = eval(f);
    } finally {
      System.clearProperty(InputFiles.FIFO_WAIT);
      // release the thread still waiting in open(), before @TempDir is cleaned: opened without
      // CREATE, so a late open never leaves a regular file behind in the directory being deleted
      CompletableFuture<Void> release =
          CompletableFuture.runAsync(
              () -> {
                try (OutputStream out =
                    Files.newOutputStream(f, java.nio.file.StandardOpenOption.WRITE)) {
                  out.flush();
                } catch (IOException ignored) {
                  // nothing to release
                }
              });
      try {
        release.get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException ignored) {
        // no reader left waiting: the open stays blocked on the FIFO, harmlessly
      }
    }

    assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip())
        .isEqualTo(
            "slo: "
                + f
                + ": no writer opened this FIFO within 1s; start the program that writes it"
                + " first, or give a regular file (-Dslo.fifo.wait.seconds=N waits longer)");
  }

  @Test
  @Timeout(30)
  void shouldReadAFifoAsAStream() throws Exception {
    Path f = fifo("events.csv");
    String rows = Fixtures.data();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(f)) {
                out.write(rows.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    CliRun r = eval(f);
    writer.get(10, TimeUnit.SECONDS);
    Path regular = Fixtures.write(dir, "regular.csv", rows);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(eval(regular).out());
  }
}
