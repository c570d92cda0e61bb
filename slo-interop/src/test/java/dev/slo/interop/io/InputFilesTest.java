package dev.slo.interop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InputFiles}: one-line errors naming the file, and no hang on a FIFO. */
class InputFilesTest {
  @TempDir Path dir;

  @Test
  void shouldReadUtf8Text() throws IOException {
    Path p = Files.writeString(dir.resolve("t.txt"), "héllo\n");
    assertThat(InputFiles.text(p)).isEqualTo("héllo\n");
    try (BufferedReader r = InputFiles.reader(p)) {
      assertThat(r.readLine()).isEqualTo("héllo");
    }
  }

  @Test
  void shouldSayNoSuchFile() {
    Path p = dir.resolve("missing.csv");
    assertThatThrownBy(() -> InputFiles.text(p))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(p + ": no such file");
  }

  @Test
  void shouldRefuseADirectory() {
    assertThatThrownBy(() -> InputFiles.reader(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(dir + ": is a directory, not a file");
  }

  @Test
  void shouldRefuseBytesThatAreNotUtf8() throws IOException {
    Path p = Files.write(dir.resolve("latin1.txt"), new byte[] {'a', (byte) 0xe9, 'b'});
    assertThatThrownBy(() -> InputFiles.text(p))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(p + ": not UTF-8 text");
  }

  @Test
  void shouldGiveUpOnAFifoNobodyWritesAfterTheConfiguredWait() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
    System.setProperty(InputFiles.FIFO_WAIT, "1");
    try {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> InputFiles.reader(fifo))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(fifo + ": no writer opened this FIFO within 1s");
      assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
    } finally {
      System.clearProperty(InputFiles.FIFO_WAIT);
    }
  }
}
