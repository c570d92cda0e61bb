#!/usr/bin/env bash
# Where a short `slo eval` spends its time: one JVM per run, System.nanoTime around each phase of
# `eval` on the bundled example (picocli's model of the command, parsing the arguments, reading the
# spec, opening the data, evaluating, rendering), plus the whole process's wall time. Runs the jar
# with the options and class data sharing archive ./slo uses. A measuring aid for the "CLI start"
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
import java.time.Clock;
import picocli.CommandLine;

public class StartPhases {
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    CommandLine cl = Main.commandLine(new SloCommand(Clock.systemUTC()), args);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    long t1 = System.nanoTime();
    CommandLine.ParseResult parsed = cl.parseArgs(args);
    EvalCommand eval = (EvalCommand) parsed.subcommand().commandSpec().userObject();
    long t2 = System.nanoTime();
    var spec = eval.inputs.loadSpec();
    long t3 = System.nanoTime();
    var slos = eval.inputs.select(spec);
    var at = eval.inputs.instant(Clock.systemUTC());
    var evaluator = new dev.slo.core.eval.Evaluator(eval.inputs.corrections(spec));
    var source = eval.inputs.source(spec, evaluator, slos, at, new PrintWriter(System.err));
    long t4 = System.nanoTime();
    var results =
        new dev.slo.core.composite.CompositeEvaluator(evaluator, eval.inputs.corrections(spec))
            .evaluateAll(slos, spec.slos(), source, at);
    long t5 = System.nanoTime();
    String text = dev.slo.report.status.Renderer.render(results, eval.format);
    long t6 = System.nanoTime();
    System.out.printf(
        "model %.1f  parse %.1f  spec %.1f  data %.1f  eval %.1f  render %.1f ms (%d chars)%n",
        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6,
        (t6 - t5) / 1e6, text.length());
  }
}
JAVA
javac -d "$tmp/classes" -cp "$jar" "$tmp/src/dev/slo/cli/StartPhases.java"
opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
[[ -f slo-cli/target/slo.jsa ]] && opts+=(-XX:SharedArchiveFile=slo-cli/target/slo.jsa -Xlog:cds=off -Xlog:cds+dynamic=off)
echo "# $(uptime)"
for ((i = 0; i < runs; i++)); do
  a="$(date +%s.%N)"
  line="$(java "${opts[@]}" -cp "$jar:$tmp/classes" dev.slo.cli.StartPhases eval \
    --spec examples/slos.yaml --data examples/events.csv --at 2026-11-20T12:00:00Z)"
  b="$(date +%s.%N)"
  echo "$line; whole process $(echo "$a $b" | awk '{ printf "%.3f", $2 - $1 }') s"
done
