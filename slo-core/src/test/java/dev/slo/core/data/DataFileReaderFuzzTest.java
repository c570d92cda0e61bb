package dev.slo.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slo.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Fuzz target for the data file reader. Under {@code mvn verify} it runs once per input in its
 * committed corpus ({@code DataFileReaderFuzzTestInputs/dataFile/} in the test resources, every
 * crash found so far included); {@code benchmarks/fuzz.sh 10m DataFileReaderFuzzTest} fuzzes it for
 * longer.
 *
 * <p>Invariants: a file is read or refused with an {@link InvalidInputException} whose message is
 * one line naming the file and line; the fast in-place path and the reference reader (the previous
 * implementation) agree on every input; nothing else is thrown and no input takes long.
 */
class DataFileReaderFuzzTest {
  private static final long MAX_MILLIS = 10_000;

  static {
    // load (and under the fuzzer, instrument) the readers' classes before any input is timed
    String warm = "timestamp,slo_id,good_events,total_events\n2026-06-01T00:00:00Z,a,1,1\n";
    read(warm, null);
    ReferenceDataReader.read("w", new BufferedReader(new StringReader(warm)), null);
  }

  private static String outcome(String text, Set<String> known) {
    try {
      DataSet d = read(text, known);
      StringBuilder b = new StringBuilder().append(d.rows()).append(d.warnings());
      new java.util.TreeMap<>(d.series())
          .forEach(
              (id, s) ->
                  b.append(id)
                      .append(s.size())
                      .append(s.first())
                      .append(s.last())
                      .append(s.total()));
      return b.toString();
    } catch (InvalidInputException e) {
      String m = e.getMessage();
      assertThat(m).startsWith("fuzz.csv:").doesNotContain("\n");
      return "refused: " + m;
    } catch (ArithmeticException e) {
      // sums beyond 64 bits of good events at one instant: refused as overflow by the CLI (exit 2)
      return "overflow";
    }
  }

  private static DataSet read(String text, Set<String> known) {
    return DataFileReader.read("fuzz.csv", new BufferedReader(new StringReader(text)), known);
  }

  private static String reference(String text, Set<String> known) {
    try {
      ReferenceDataReader.read("fuzz.csv", new BufferedReader(new StringReader(text)), known);
      return null;
    } catch (InvalidInputException e) {
      return "refused: " + e.getMessage();
    } catch (RuntimeException e) {
      return "other";
    }
  }

  @FuzzTest(maxDuration = "10m")
  void dataFile(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    String fast = outcome(text, null);
    outcome(text, Set.of("a"));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(millis).as("time to read %d characters", text.length()).isLessThan(MAX_MILLIS);
    // the reference reader has no line limit; compare where both apply
    if (!fast.contains("the line is longer than")) {
      String ref = reference(text, null);
      if (ref != null && !ref.equals("other")) {
        assertThat(fast).isEqualTo(ref);
      } else if (ref == null) {
        assertThat(fast).doesNotStartWith("refused");
      }
    }
  }
}
