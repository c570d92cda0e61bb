#!/usr/bin/env bash
# Fuzzes the Prometheus reply parser (ReplyParserFuzzTest) with Jazzer for 10 minutes, the
# duration set on the test (@FuzzTest(maxDuration = "10m")).
# Usage: benchmarks/fuzz-prometheus.sh
# A finding fails the run and leaves the input as crash-<sha1> under slo-prometheus/src/test/
# resources/dev/slo/prometheus/ReplyParserFuzzTestInputs/parse: commit it with the fix, so
# `mvn verify` replays it. Stopping the run early (Ctrl-C) also leaves the input being run there
# as crash-<sha1>; delete it if `mvn -pl slo-prometheus test -Dtest=ReplyParserFuzzTest` passes.
# New coverage goes to slo-prometheus/.cifuzz-corpus (ignored by git).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAZZER_FUZZ=1 mvn -B -q -o -pl slo-prometheus -am test -Dtest=ReplyParserFuzzTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
echo "no finding in 10 minutes"
