package dev.slo.interop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@link OutputTarget#write} puts text: what is replaced and what is written into. */
class OutputTargetTest {
  private static final String TEXT = "groups: []\n";

  @TempDir Path dir;

  private final StringWriter stdout = new StringWriter();

  private void write(Path file) {
    OutputTarget.write("--out", file, TEXT, new PrintWriter(stdout));
  }

  @Test
  void shouldReplaceTheTargetOfASymlinkAndKeepTheLink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("real.txt"));
    write(link);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo(TEXT);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void shouldFollowAChainOfLinksToANewFile() throws IOException {
    Path b = Files.createSymbolicLink(dir.resolve("b"), Path.of("new.txt"));
    Path a = Files.createSymbolicLink(dir.resolve("a"), b.getFileName());
    write(a);
    assertThat(Files.readString(dir.resolve("new.txt"))).isEqualTo(TEXT);
    assertThat(Files.isSymbolicLink(a)).isTrue();
  }

  @Test
  void shouldRefuseALinkLoopInOneLine() throws IOException {
    Files.createSymbolicLink(dir.resolve("x"), Path.of("y"));
    Path y = Files.createSymbolicLink(dir.resolve("y"), Path.of("x"));
    assertThatThrownBy(() -> write(y))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("--out " + y)
        .hasMessageContaining("cannot write:");
  }

  @Test
  void shouldWriteIntoAFifoWithoutReplacingIt() throws Exception {
    writeIntoFifo(false);
  }

  @Test
  void shouldWriteIntoAFifoBehindASymlinkAsIntoDevStdout() throws Exception {
    writeIntoFifo(true);
  }

  private void writeIntoFifo(boolean viaLink) throws Exception {
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
    write(out);
    assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(TEXT);
    assertThat(Files.isSymbolicLink(out)).isEqualTo(viaLink);
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  @Test
  void shouldWriteDashAndNoFileToTheGivenWriter() {
    write(Path.of("-"));
    OutputTarget.write("--out", null, TEXT, new PrintWriter(stdout));
    assertThat(stdout.toString()).isEqualTo(TEXT + TEXT);
    assertThat(Files.exists(Path.of("-"))).isFalse();
  }

  @Test
  void shouldCreateNewFilesWithTheUmaskModeAndKeepAnExistingFilesMode() throws IOException {
    Path reference = dir.resolve("ref");
    Files.newOutputStream(reference).close(); // 0666 less the umask, as a shell's > gives
    Set<PosixFilePermission> umaskMode = Files.getPosixFilePermissions(reference);
    Path fresh = dir.resolve("fresh.out");
    write(fresh);
    assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(umaskMode);

    Path kept = Files.writeString(dir.resolve("kept.out"), "old");
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
    write(kept);
    assertThat(Files.readString(kept)).isEqualTo(TEXT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void shouldRefuseADirectoryInOneLineAndLeaveNoTemporaryFile() throws IOException {
    Path target = Files.createDirectory(dir.resolve("out-dir"));
    assertThatThrownBy(() -> write(target))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--out " + target + ": is a directory, not a file");
    assertThat(leftovers()).isEmpty();
    try (var s = Files.list(target)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void shouldRefuseAMissingDirectoryInOneLineNamingTheOption() {
    Path missing = dir.resolve("no/such/x.out");
    assertThatThrownBy(() -> OutputTarget.write("--output", missing, TEXT, new PrintWriter(stdout)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--output " + missing + ": cannot write: no such directory");
  }

  @Test
  void shouldLeaveTheOldFileWhenTheDirectoryIsNotWritable() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("ro"));
    Path old = Files.writeString(sub.resolve("x.out"), "old");
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      if (Files.isWritable(sub)) {
        return; // running as root: the directory cannot be made read-only
      }
      assertThatThrownBy(() -> write(old))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("--out " + old + ": cannot write: permission denied");
      assertThat(Files.readString(old)).isEqualTo("old");
    } finally {
      Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private List<Path> leftovers() throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
