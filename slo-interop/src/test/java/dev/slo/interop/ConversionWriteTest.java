package dev.slo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Conversion#write}: where the converted files go. */
class ConversionWriteTest {
  @TempDir Path dir;

  private static final String NATIVE =
      """
      slos:
        - {slo_id: a, slo_name: A, service_name: shop, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, good_counter: ok, total_counter: all}
        - {slo_id: b, slo_name: B, service_name: cart, slo_type: AVAILABILITY,
           target_percentage: 99, time_period: ROLLING_7D, good_counter: ok, total_counter: all}
      """;

  private static Conversion conversion(boolean perFile) {
    return Conversion.of(
        SpecLoader.read(Map.of("s.yaml", NATIVE)), Converter.Target.OPENSLO, perFile);
  }

  @Test
  void shouldPutEachFileIntoTheDirectoryUnderItsNameWhenPerFile() throws Exception {
    StringWriter stdout = new StringWriter();
    Conversion c = conversion(true);
    c.write("--out", dir, true, new PrintWriter(stdout));
    assertThat(stdout.toString()).isEmpty();
    assertThat(Files.readString(dir.resolve("a.yaml"))).isEqualTo(c.files().get("a.yaml").text());
    assertThat(Files.readString(dir.resolve("b.yaml"))).isEqualTo(c.files().get("b.yaml").text());
  }

  @Test
  void shouldWriteTheOneFileToTheFileGivenOrToStandardOutput() throws Exception {
    Conversion c = conversion(false);
    String text = c.files().get("slos.yaml").text();
    Path file = dir.resolve("all.yaml");
    c.write("--out", file, false, new PrintWriter(new StringWriter()));
    assertThat(Files.readString(file)).isEqualTo(text);
    StringWriter stdout = new StringWriter();
    c.write("--out", null, false, new PrintWriter(stdout));
    assertThat(stdout.toString()).isEqualTo(text);
  }

  @Test
  void shouldNameTheOptionWhenAFileCannotBeWritten() {
    Path missing = dir.resolve("no-such-dir").resolve("all.yaml");
    assertThatThrownBy(
            () ->
                conversion(false)
                    .write("--out", missing, false, new PrintWriter(new StringWriter())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--out");
  }
}
