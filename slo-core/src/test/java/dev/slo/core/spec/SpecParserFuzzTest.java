package dev.slo.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the spec parser. Under {@code mvn verify} each runs once per input in its
 * committed corpus ({@code SpecParserFuzzTestInputs/<method>/} in the test resources, every crash
 * found so far included); {@code benchmarks/fuzz.sh} fuzzes one for longer.
 *
 * <p>Invariant: an input is parsed or refused with a {@link SpecException} whose problems are one
 * line each, short, and free of control characters; nothing else is thrown, and no input takes
 * long.
 */
class SpecParserFuzzTest {
  /**
   * An input's time budget; generous, as the machine may be busy. The real cost is milliseconds.
   */
  private static final long MAX_MILLIS = 10_000;

  static {
    // load (and under the fuzzer, instrument) the parser's classes before any input is timed
    warmUp("slos: [{slo_id: a}]\n---\n");
    warmUp("{\"slos\": [{\"slo_id\": \"a\"}]} x");
  }

  private static void warmUp(String text) {
    try {
      SpecParser.parse("warm-up", text);
    } catch (SpecException expected) {
      // only the class loading matters
    }
  }

  @FuzzTest(maxDuration = "10m")
  void yamlSpec(byte[] input) {
    check("# yaml\n" + new String(input, StandardCharsets.UTF_8));
  }

  @FuzzTest(maxDuration = "10m")
  void jsonSpec(byte[] input) {
    check("{" + new String(input, StandardCharsets.UTF_8));
  }

  private static void check(String text) {
    long t0 = System.nanoTime();
    try {
      SpecParser.parse("fuzz.yaml", text);
    } catch (SpecException e) {
      e.problems().forEach(SpecParserFuzzTest::wellFormed);
    }
    try {
      SpecParser.parseSlo("body", text);
    } catch (SpecException e) {
      e.problems().forEach(SpecParserFuzzTest::wellFormed);
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(millis).as("time to parse %d characters", text.length()).isLessThan(MAX_MILLIS);
  }

  private static void wellFormed(SpecProblem p) {
    String line = p.toString();
    assertThat(line).hasSizeLessThan(1_000);
    assertThat(line.chars().noneMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f)))
        .as("control character in %s", line)
        .isTrue();
    assertThat(p.line()).isNotNegative();
  }
}
