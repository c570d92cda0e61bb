#!/usr/bin/env bash
# Fuzzes the Prometheus reply parser (ReplyParserFuzzTest) with Jazzer for a while, default 10m.
# Usage: benchmarks/fuzz-prometheus.sh [DURATION, e.g. 10m or 90s]
# A finding fails the run and leaves the input under slo-prometheus/src/test/resources/
# dev/slo/prometheus/ReplyParserFuzzTestInputs/parse: commit it with the fix, so `mvn verify`
# replays it. New coverage goes to slo-prometheus/.cifuzz-corpus (ignored by git).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration="${1:-10m}"
JAZZER_FUZZ=1 timeout --foreground "$duration" \
  mvn -B -q -o -pl slo-prometheus -am test -Dtest=ReplyParserFuzzTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true || rc=$?
rc="${rc:-0}"
if [ "$rc" = 124 ]; then
  echo "no finding in $duration"
  exit 0
fi
exit "$rc"
