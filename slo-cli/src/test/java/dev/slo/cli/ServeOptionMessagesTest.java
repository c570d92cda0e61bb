package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slo.core.Printable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what {@code slo serve} answers to bad options, combinations of them and an address in use:
 * the exit code and the exact line, in the order the checks run (the first bad value is the one
 * named). The expected text is {@code serve-option-messages.txt}, recorded from the command as it
 * was before its checks moved into the libraries.
 */
class ServeOptionMessagesTest {
  @TempDir Path dir;

  /** Runs {@code slo serve} up to the start of serving; a started server is closed at once. */
  private String run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    picocli.CommandLine cl =
        CommandTree.commandLine(new SloCommand(clock), args.toArray(String[]::new));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    picocli.CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
    ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
    String result;
    try {
      serve.start(new PrintWriter(out, true), new PrintWriter(err, true)).close();
      result = "started";
    } catch (RuntimeException e) {
      result = Main.code(e) + " slo: " + Printable.escape(Main.message(e));
    }
    return (result + "|" + out + "|" + err).replace(dir.toString(), "DIR");
  }

  private static String expected() throws java.io.IOException {
    try (java.io.InputStream in =
        ServeOptionMessagesTest.class.getResourceAsStream("serve-option-messages.txt")) {
      return new String(
          java.util.Objects.requireNonNull(in, "serve-option-messages.txt").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldNameTheSameFlagWithTheSameMessageAsBefore() throws Exception {
    Path spec =
        Files.writeString(
            dir.resolve("slos.yaml"),
            "slos:\n  - slo_id: api\n    slo_name: API\n    service_name: api\n"
                + "    slo_type: AVAILABILITY\n    target_percentage: 99.9\n"
                + "    time_period: ROLLING_30D\n");
    Path data =
        Files.writeString(dir.resolve("e.csv"), "timestamp,slo_id,good_events,total_events\n");
    Files.writeString(dir.resolve("empty.token"), "  \n");
    String s = spec.toString();
    String d = data.toString();
    String p = "http://127.0.0.1:1";
    String m = dir.resolve("missing").toString();
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String used = String.valueOf(busy.getLocalPort());
      String[][] all = {
        {},
        {"--data", d, "--prometheus", p},
        {"--data", d, "--prometheus", p, "--port", "70000"},
        {"--port", "70000"},
        {"--data", d, "--interval", "soon"},
        {"--data", d, "--interval", "0s"},
        {"--data", d, "--interval", "-5s"},
        {"--data", d, "--interval", "500ms"},
        {"--data", d, "--interval", "0s", "--port", "70000"},
        {"--data", d, "--port", "70000", "--interval", "soon"},
        {"--data", d, "--port", "70000"},
        {"--data", d, "--port", "-1"},
        {"--data", d, "--resolve-after", "0"},
        {"--data", d, "--resolve-after", "0", "--max-connections", "0"},
        {"--data", d, "--token-file", m},
        {"--data", d, "--token-file", dir.resolve("empty.token").toString()},
        {"--data", d, "--read-token-file", m},
        {"--data", d, "--token-file", m, "--resolve-after", "0"},
        {"--data", d, "--token-file", m, "--request-timeout", "0s"},
        {"--data", d, "--request-timeout", "soon"},
        {"--data", d, "--request-timeout", "0s"},
        {"--data", d, "--request-timeout", "-1s"},
        {"--data", d, "--idle-timeout", "0s"},
        {"--data", d, "--idle-timeout", "x"},
        {"--data", d, "--idle-timeout", "0s", "--request-timeout", "0s"},
        {"--data", d, "--max-connections", "0"},
        {"--data", d, "--threads", "0"},
        {"--data", d, "--threads", "0", "--max-connections", "0"},
        {"--data", d, "--threads", "0", "--outbox-max-age", "1h"},
        {"--data", d, "--outbox-max-age", "1h"},
        {"--data", d, "--outbox-max-events", "5"},
        {"--data", d, "--outbox-max-age", "soon", "--outbox-max-events", "5"},
        {"--data", d, "--fleet"},
        {"--data", d, "--fleet", "--outbox-max-age", "10s"},
        {"--fleet", "--jdbc", "bogus", "--outbox-max-age", "10s"},
        {"--fleet", "--jdbc", "bogus", "--outbox-max-age", "soon"},
        {"--fleet", "--jdbc", "bogus", "--outbox-max-age", "0s"},
        {"--fleet", "--jdbc", "bogus", "--outbox-max-events", "0"},
        {"--fleet", "--jdbc", "bogus", "--outbox-max-age", "400d", "--outbox-max-events", "0"},
        {"--fleet", "--jdbc", "bogus"},
        {"--jdbc", "bogus"},
        {"--jdbc", "bogus", "--maintain-every", "soon"},
        {"--jdbc", "bogus", "--webhook", "ftp://x"},
        {"--data", d, "--bind", "0.0.0.0"},
        {"--data", d, "--bind", "0.0.0.0", "--threads", "0"},
        {"--data", d, "--bind", "nosuch.invalid"},
        {"--data", d, "--bind", "", "--port", "0"},
        {"--data", d, "--port", used},
        {"--data", d, "--allow-origin", "evil"},
        {"--data", d, "--allow-origin", "evil", "--interval", "0s"},
        {"--data", d, "--allow-origin", "evil", "--bind", "0.0.0.0"},
        {"--data", d, "--events-file", dir.resolve("no/such/x.jsonl").toString()},
        {"--data", d, "--events-file", dir.toString()},
        {"--data", d, "--events-file", m + "/x", "--webhook", "ftp://x"},
        {"--data", d, "--webhook", "ftp://x"},
        {"--data", d, "--webhook", "http://"},
        {"--data", d, "--webhook", "http:///path"},
        {"--data", d, "--webhook", "ht tp://x"},
        {"--data", d, "--webhook", "x"},
        {"--data", d, "--alertmanager", "ftp://x"},
        {"--data", d, "--alertmanager", "http://a b"},
        {"--data", d, "--webhook", "ftp://x", "--alertmanager", "ftp://y"},
        {"--data", m},
        {"--data", m, "--webhook", "ftp://x"},
        {"--data", dir.toString()},
        {"--prometheus", p, "--prometheus-timeout", "soon"},
        {"--prometheus", "http://a b"},
        {"--prometheus", p, "--prometheus-max-reply", "10"},
        {"--prometheus", p, "--prometheus-max-reply", "lots"},
        {"--prometheus", p, "--prometheus-header", "bad"},
        {"--prometheus", p, "--bearer-token-file", m},
        {"--prometheus", p, "--bind", "0.0.0.0"},
        {"--prometheus", p, "--jdbc", "bogus"},
        {"--prometheus", p, "--mode", "exact", "--port", used},
        {"--prometheus", p, "--webhook", "ftp://x", "--prometheus-timeout", "soon"},
      };
      StringBuilder dump = new StringBuilder();
      for (String[] c : all) {
        List<String> args = new ArrayList<>(List.of("serve", "--spec", s));
        args.addAll(List.of(c));
        dump.append(String.join(" ", c).replace(dir.toString(), "DIR").replace(used, "USED"))
            .append("\n  ")
            .append(run(args).replace(used, "USED").replace("\n", "\\n"))
            .append("\n");
      }
      String written = System.getProperty("slo.golden.write");
      if (written != null) {
        Files.writeString(Path.of(written), dump);
      }
      assertThat(dump.toString()).isEqualTo(expected());
    }
  }
}
