package dev.slo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The picocli-free path of eval and check prints, exits and writes what picocli's does. */
class QuickStartProperties {
  private static final String SPEC = example("slos.yaml");
  private static final String DATA = example("events.csv");

  @Property(tries = 400)
  void quickPathAnswersAsPicocliDoes(@ForAll("commandLines") List<String> args) throws IOException {
    Path a = Files.createTempDirectory("quick");
    Path b = Files.createTempDirectory("picocli");
    try {
      assertThat(run(a, true, args)).isEqualTo(run(b, false, args));
    } finally {
      for (Path dir : List.of(a, b)) {
        Files.deleteIfExists(dir.resolve("events.jsonl"));
        Files.delete(dir);
      }
    }
  }

  @Example
  void takesThePlainCommandLinesOfACiStep() {
    Clock clock = Clock.fixed(CliRun.NOW, ZoneOffset.UTC);
    PrintWriter sink = new PrintWriter(new StringWriter());
    for (String line :
        List.of(
            "eval --spec S --data D --at 2026-11-20T12:00:00Z",
            "eval --spec=S --spec S --data=D --slo search-latency --format json",
            "check --spec S --data D --fail-on warning --at 1763640000",
            "check --data D --spec S")) {
      String[] args =
          line.replace(" S", " " + SPEC)
              .replace("=S", "=" + SPEC)
              .replace(" D", " " + DATA)
              .replace("=D", "=" + DATA)
              .split(" ");
      assertThat(QuickStart.run(new SloCommand(clock), sink, sink, args)).as(line).isNotNull();
    }
    for (String line :
        List.of(
            "eval --help",
            "eval --spec S --at", // missing value
            "eval --spec S --at --data", // an option where a value belongs
            "eval --at now --at now",
            "eval --format TABLEX",
            "eval --fail-on warning",
            "check --format json",
            "eval --prometheus http://localhost:9090",
            "eval -- --spec",
            "eval @args",
            "validate --spec S")) {
      String[] args = line.replace(" S", " " + SPEC).split(" ");
      assertThat(QuickStart.run(new SloCommand(clock), sink, sink, args)).as(line).isNull();
    }
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    Arbitrary<String> name =
        Arbitraries.of(
            "--spec",
            "--spec",
            "--data",
            "--data",
            "--at",
            "--slo",
            "--format",
            "--events",
            "--fail-on",
            "--prometheus",
            "--jdbc",
            "--help",
            "--",
            "--bogus",
            "@args",
            "eval");
    Arbitrary<String> value =
        Arbitraries.of(
            SPEC,
            DATA,
            "missing.yaml",
            "",
            "2026-11-20T12:00:00Z",
            "now",
            "yesterday",
            "1763640000",
            "json",
            "TABLE",
            "Yaml",
            "markdown",
            "bogus",
            "warning",
            "EXHAUSTED",
            "Critical",
            "-1",
            "@x",
            "checkout-availability",
            "payments-availability",
            "nope",
            "EVENTS",
            "a\u0000b",
            "jdbc:mysql://localhost/x",
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1",
            "--data");
    Arbitrary<List<String>> option =
        Combinators.combine(name, value, Arbitraries.integers().between(0, 9))
            .as(
                (n, any, form) -> {
                  String v = n.equals("--events") ? "EVENTS" : any; // files only in the run's dir
                  return form == 0 ? List.of(n) : form < 4 ? List.of(n + "=" + v) : List.of(n, v);
                });
    Arbitrary<String> command = Arbitraries.of("eval", "eval", "check");
    Arbitrary<List<List<String>>> options = option.list().ofMaxSize(6);
    return Combinators.combine(command, options, Arbitraries.of(true, false))
        .as(
            (c, opts, withInputs) -> {
              List<String> args = new ArrayList<>(List.of(c));
              if (withInputs) { // most runs get this far: both paths then evaluate
                args.addAll(List.of("--spec", SPEC, "--data", DATA));
              }
              opts.forEach(args::addAll);
              return args;
            });
  }

  /** Exit code, output, errors and the events file of one run, with its directory as DIR. */
  private static String run(Path dir, boolean quick, List<String> args) throws IOException {
    String events = dir.resolve("events.jsonl").toString();
    String[] argv = args.stream().map(s -> s.replace("EVENTS", events)).toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Clock clock = Clock.fixed(CliRun.NOW, ZoneOffset.UTC);
    PrintWriter o = new PrintWriter(out);
    PrintWriter e = new PrintWriter(err);
    int code = quick ? Main.run(clock, o, e, argv) : CommandTree.run(clock, o, e, argv);
    Path file = dir.resolve("events.jsonl");
    String written =
        Files.exists(file)
            ? Files.readString(file).replaceAll("\"event_id\":\"[^\"]+\"", "\"event_id\":\"ID\"")
            : "(none)";
    return (code + "\n" + out + "\n" + err + "\n" + written).replace(dir.toString(), "DIR");
  }

  private static String example(String name) {
    return Path.of("..", "examples", name).toAbsolutePath().normalize().toString();
  }
}
