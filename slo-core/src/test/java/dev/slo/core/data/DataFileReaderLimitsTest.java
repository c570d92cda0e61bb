package dev.slo.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slo.core.InvalidInputException;
import dev.slo.core.source.EventCounts;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line length, streaming and the edges of the timestamp range. */
class DataFileReaderLimitsTest {
  private static final String HEADER = "timestamp,slo_id,good_events,total_events\n";

  /** The header, then {@code length} NUL characters without a line end, produced on demand. */
  private static final class EndlessLine extends Reader {
    private final long length;
    private long given;
    private int headerAt;

    EndlessLine(long length) {
      this.length = length;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      int n = 0;
      while (n < len && headerAt < HEADER.length()) {
        cbuf[off + n++] = HEADER.charAt(headerAt++);
      }
      while (n < len && given < length) {
        cbuf[off + n++] = '\0';
        given++;
      }
      return n == 0 ? -1 : n;
    }

    @Override
    public void close() {}
  }

  @Test
  void shouldStopAtAGigabyteLineAfterReadingLittleOfIt() {
    EndlessLine gigabyte = new EndlessLine(1L << 30);

    assertThatThrownBy(() -> DataFileReader.read("nul.csv", new BufferedReader(gigabyte), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "nul.csv:2: the line is longer than 65536 characters; a data file line may hold at"
                + " most 65536 (64 KiB, see docs/limits.md)");
    assertThat(gigabyte.given).isLessThan(4L * DataFileReader.MAX_LINE);
  }

  @Test
  void shouldStopAtALongLineWhenStreamingRowsToo() {
    List<DataRow> seen = new ArrayList<>();
    String text = HEADER + "1,a,1,1\n" + "1,a,1,1" + " ".repeat(70_000) + "\n";

    assertThatThrownBy(
            () ->
                DataFileReader.forEach(
                    "long.csv", new BufferedReader(new StringReader(text)), seen::add))
        .hasMessageStartingWith("long.csv:3: the line is longer than 65536 characters");
    assertThat(seen).hasSize(1);
  }

  @Test
  void shouldAcceptALineOfExactlyTheLimit() {
    String padded = "1780272000,api,1,1";
    padded = padded + " ".repeat(DataFileReader.MAX_LINE - padded.length());
    String text = HEADER + padded + "\r\n" + "#" + "x".repeat(DataFileReader.MAX_LINE - 1) + "\r";

    DataSet d = DataFileReader.read("edge.csv", new BufferedReader(new StringReader(text)), null);

    assertThat(d.series().get("api").total()).isEqualTo(new EventCounts(1, 1));
  }

  @Test
  void shouldCountLinesEndedByCarriageReturnsAsBufferedReaderDoes() {
    String text = HEADER.replace("\n", "\r\n") + "1,a,1,1\r\r\n1,a,2,1\r";

    assertThatThrownBy(
            () -> DataFileReader.read("cr.csv", new BufferedReader(new StringReader(text)), null))
        .hasMessageStartingWith("cr.csv:4: good_events 2 exceeds total_events 1");
  }

  @Test
  void shouldAcceptBothEndsOfTheSupportedRange() {
    String text =
        HEADER
            + "1677-09-21T00:12:43.145224192Z,a,1,1\n"
            + "2262-04-11T23:47:16.854775807Z,a,2,2\n";

    DataSet d = DataFileReader.read("r.csv", new BufferedReader(new StringReader(text)), null);

    assertThat(d.series().get("a").first())
        .isEqualTo(Instant.parse("1677-09-21T00:12:43.145224192Z"));
    assertThat(d.series().get("a").last())
        .isEqualTo(Instant.parse("2262-04-11T23:47:16.854775807Z"));
  }

  @Test
  void shouldStreamAMillionRowsIntoCompactSeries() {
    StringBuilder b = new StringBuilder(HEADER);
    long t0 = 1_780_272_000L;
    for (int i = 0; i < 100_000; i++) {
      for (int s = 0; s < 10; s++) {
        b.append(t0 + 60L * i).append(",svc-").append(s).append(",99,100\n");
      }
    }

    DataSet d =
        DataFileReader.read("m.csv", new BufferedReader(new StringReader(b.toString())), null);

    assertThat(d.rows()).isEqualTo(1_000_000);
    assertThat(d.series().get("svc-3").total()).isEqualTo(new EventCounts(9_900_000, 10_000_000));
    // a regular minute grid: no timestamps stored, 4 bytes a point per prefix sum
    assertThat(d.series().get("svc-3").bytes()).isLessThan(100_000 * 9L);
  }
}
