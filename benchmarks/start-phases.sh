#!/usr/bin/env bash
# Where a short `slo eval` spends its time: one JVM per run, System.nanoTime around each phase of
# `eval` on the bundled example as its picocli-free path runs it (reading the spec, reading the
# data, evaluating, rendering), plus the whole process's wall time; the JVM's own start is the
# rest. Runs the jar with the options and class data sharing archive ./slo uses. A measuring aid for the "CLI start"
# row of issue 13 (see benchmarks/README.md); start-bench.sh gives the ratio to a bare JVM.
# Usage: benchmarks/start-phases.sh [RUNS]   (default 5). Builds the CLI through ./slo when needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-5}"
./slo --version >/dev/null # build and record the class data archive first
jar=slo-cli/target/slo.jar
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/dev/slo/cli"
cat >"$tmp/src/dev/slo/cli/StartPhases.java" <<'JAVA'
package dev.slo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

public class StartPhases {
  // args: --spec FILE --data FILE --at T, as `slo eval` takes them on its picocli-free path
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Main.preload(); // as Main.main does
    Inputs in = new Inputs();
    in.spec = List.of(Path.of(args[1]));
    in.data = Path.of(args[3]);
    in.at = args[5];
    PrintWriter err = new PrintWriter(System.err, true);
    in.err = err;
    var spec = in.loadSpec();
    long t1 = System.nanoTime();
    var slos = in.select(spec);
    var at = in.instant(Clock.systemUTC());
    var evaluator = new dev.slo.core.eval.Evaluator(in.corrections(spec));
    var source = in.source(spec, evaluator, slos, at, err);
    long t2 = System.nanoTime();
    var results =
        new dev.slo.core.composite.CompositeEvaluator(evaluator, in.corrections(spec))
            .evaluateAll(slos, spec.slos(), source, at);
    long t3 = System.nanoTime();
    String text = dev.slo.report.status.Renderer.render(results, dev.slo.report.status.Format.TABLE);
    long t4 = System.nanoTime();
    System.out.println(
        "spec " + ms(t1 - t0) + "  data " + ms(t2 - t1) + "  eval " + ms(t3 - t2) + "  render "
            + ms(t4 - t3) + " ms (" + text.length() + " chars)");
  }

  private static String ms(long nanos) {
    return String.valueOf(Math.round(nanos / 1e5) / 10.0);
  }
}
JAVA
javac -d "$tmp/classes" -cp "$jar" "$tmp/src/dev/slo/cli/StartPhases.java"
jar cf "$tmp/phases.jar" -C "$tmp/classes" . # the archive applies to jars on the class path
opts=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData) # as ./slo runs eval
[[ -f slo-cli/target/slo.jsa ]] && opts+=(-XX:SharedArchiveFile=slo-cli/target/slo.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
echo "# $(uptime)"
for ((i = 0; i < runs; i++)); do
  a="$(date +%s.%N)"
  line="$(java "${opts[@]}" -cp "$jar:$tmp/phases.jar" dev.slo.cli.StartPhases \
    --spec examples/slos.yaml --data examples/events.csv --at 2026-11-20T12:00:00Z)"
  b="$(date +%s.%N)"
  echo "$line; whole process $(echo "$a $b" | awk '{ printf "%.3f", $2 - $1 }') s"
done
