#!/usr/bin/env bash
# Start-up cost of the CLI against a bare JVM: `./slo eval` on the bundled example (the README's
# first command) versus `java Hello` (a class that prints one line), run alternately, median wall
# time of each, and the ratio (target of issue 13: at most 3x).
# Usage: benchmarks/start-bench.sh [RUNS]   (default 15). Builds the CLI through ./slo when needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-15}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
javac -d "$tmp" "$tmp/Hello.java"
./slo --version >/dev/null # build and record the class data archive first

now() { date +%s.%N; }
for ((i = 0; i < runs; i++)); do
  a="$(now)"; java -cp "$tmp" Hello >/dev/null; b="$(now)"
  ./slo eval --spec examples/slos.yaml --data examples/events.csv --at 2026-11-20T12:00:00Z >/dev/null
  c="$(now)"
  echo "$a $b $c" | awk '{ printf "%.4f %.4f\n", $2 - $1, $3 - $2 }'
done >"$tmp/times"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
jvm="$(awk '{ print $1 }' "$tmp/times" | median)"
slo="$(awk '{ print $2 }' "$tmp/times" | median)"
echo "# $(uptime)"
awk -v j="$jvm" -v s="$slo" -v n="$runs" 'BEGIN {
  printf "bare JVM (java Hello): median %.3f s over %d runs\n", j, n
  printf "./slo eval on the bundled example: median %.3f s over %d runs\n", s, n
  printf "ratio %.2fx (target <= 3x: %s)\n", s / j, (s / j <= 3 ? "met" : "NOT met") }'
