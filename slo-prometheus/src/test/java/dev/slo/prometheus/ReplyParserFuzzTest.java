package dev.slo.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the Prometheus reply parser. In {@code mvn verify} it runs once over the committed corpus
 * in {@code ReplyParserFuzzTestInputs/parse}; {@code benchmarks/fuzz-prometheus.sh} fuzzes for 10
 * minutes for real. Invariant: any bytes give a reply or an {@link IOException} (what the client
 * turns into a one-line source error), never another exception, and never more samples than the
 * bytes allow.
 */
class ReplyParserFuzzTest {
  private static final long LIMIT = 1 << 20;

  @FuzzTest(maxDuration = "10m")
  void parse(byte[] data) {
    ReplyParser.Reply reply;
    try {
      reply = ReplyParser.parse(new BoundedInputStream(new ByteArrayInputStream(data), LIMIT));
    } catch (IOException expected) {
      return;
    }
    if (reply.data() != null) {
      long samples = 0;
      for (QueryResult.Series s : reply.data().series()) {
        assertThat(s.millis()).hasSameSizeAs(s.values());
        samples += s.size();
      }
      // a sample takes at least 5 bytes of JSON: [0,"0"]
      assertThat(samples * 5).isLessThanOrEqualTo(data.length);
    }
  }
}
