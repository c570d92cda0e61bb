#!/usr/bin/env bash
# Evaluates 100 SLOs (30 days of 1-minute data each) against a real Prometheus backfilled with
# promtool, in pushdown and exact modes, and from file data in memory, next to the direct grouped
# increase() queries a user would run instead (same run, same data, answers checked equal), with
# requests, Prometheus CPU (process_cpu_seconds_total) and peak RSS. Needs prometheus/promtool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -o -pl slo-prometheus -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
cp="$PWD/slo-prometheus/target/test-classes:$PWD/slo-prometheus/target/classes:$PWD/slo-core/target/classes:$(cat slo-prometheus/target/bench-cp.txt)"
exec java -cp "$cp" dev.slo.prometheus.PrometheusBenchmark "${1:-3}"
