#!/usr/bin/env bash
# Evaluates 100 SLOs (30 days of 1-minute data each) against a real Prometheus backfilled with
# promtool, in pushdown and exact modes, and from file data in memory. Needs prometheus/promtool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -pl slo-prometheus -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
cp="slo-prometheus/target/test-classes:slo-prometheus/target/classes:slo-core/target/classes:$(cat slo-prometheus/target/bench-cp.txt)"
exec java -cp "$cp" dev.slo.prometheus.PrometheusBenchmark "${1:-3}"
