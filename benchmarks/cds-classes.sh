#!/usr/bin/env bash
# Regenerates slo-cli/src/main/resources/dev/slo/cli/cds-classes.txt: the classes `slo eval --jdbc`
# loads beyond those `slo eval --data` on the bundled example loads (and beyond the JDK's own
# archive), which the ./slo launcher's class data sharing training run (dev.slo.cli.CdsTraining)
# loads so that store evaluations start from the archive too.
# Usage: benchmarks/cds-classes.sh JDBC_URL   (a store with at least one SLO; read only)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
url="${1:?usage: benchmarks/cds-classes.sh JDBC_URL}"
jar="$here/slo-cli/target/slo.jar"
"$here/slo" --version >/dev/null # builds the jar when needed
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
opts=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xshare:auto)
java "${opts[@]}" -Xlog:class+load:file="$tmp/jdbc.log" -jar "$jar" eval --jdbc "$url" \
  --format json >/dev/null
java "${opts[@]}" -Xlog:class+load:file="$tmp/data.log" -jar "$jar" eval \
  --spec "$here/examples/slos.yaml" --data "$here/examples/events.csv" \
  --at 2026-11-20T12:00:00Z >/dev/null
names() { # classes not from the JDK's archive, without generated ones (lambdas, proxies)
  grep -v 'source: shared objects file' "$1" | grep -v 'Lambda\|0x0\|\$Proxy\|source: __\|Generated' |
    sed -E 's/^\[[^]]*\]\[info\]\[class,load\] ([^ ]+) source: .*$/\1/' | sort -u
}
out="$here/slo-cli/src/main/resources/dev/slo/cli/cds-classes.txt"
{
  echo "# Classes that slo eval --jdbc loads beyond those of slo eval --data: the ./slo launcher's"
  echo "# class data sharing training run loads them (CdsTraining) so that the archive holds them too."
  echo "# A name missing from the jar is skipped; a missing name only costs speed. Regenerate with"
  echo "# benchmarks/cds-classes.sh JDBC_URL."
  comm -23 <(names "$tmp/jdbc.log") <(names "$tmp/data.log")
} >"$out"
echo "$(grep -vc '^#' "$out") classes listed in $out"
