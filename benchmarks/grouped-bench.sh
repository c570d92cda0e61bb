#!/usr/bin/env bash
# One grouped SLO (group_by: [route]) over N routes (50 hours of 1-minute data each) against a
# real Prometheus backfilled with promtool, in pushdown mode, next to N per-route SLOs evaluated
# as a fleet: requests, wall time and Prometheus CPU (process_cpu_seconds_total), answers checked
# equal. Needs prometheus/promtool. Arguments: [routes (100)] [rounds (3)].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -o -pl slo-prometheus -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
cp="$PWD/slo-prometheus/target/test-classes:$PWD/slo-prometheus/target/classes:$PWD/slo-core/target/classes:$PWD/slo-test-support/target/classes:$(cat slo-prometheus/target/bench-cp.txt)"
exec java -cp "$cp" dev.slo.prometheus.GroupedBenchmark "${1:-100}" "${2:-3}"
