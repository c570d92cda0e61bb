#!/usr/bin/env bash
# Issue 13's setup, every source in one run on the same data: 100 SLOs x 30 days of one-minute
# counts, as two counters per SLO in a real Prometheus (promtool backfill; 200 series, 8.64M
# samples), as 4.32M rows in a PostgreSQL store (slo ingest) and as a CSV file. In one JVM, rounds
# alternate between what a user would run instead (one grouped `sum by (service, code)
# (increase(...))` query per distinct window, 8 at a time) and slo's pushdown, exact and store paths
# (FleetSourcesBench: medians, requests, Prometheus' own CPU, ratios; exact's counts checked equal
# to the store's on every window of every SLO, pushdown's to the direct queries'). Then whole
# `./slo eval` processes (wall, CPU, max RSS) for each source, whose JSON reports are compared.
#
# Needs prometheus and promtool (Debian `prometheus`), psql, a PostgreSQL 15 (default
# 127.0.0.1:5432 user slo password slo, which may create databases) and GNU time.
# Usage: benchmarks/fleet-bench.sh [WORKDIR] [ROUNDS]   (env PGHOST PGPORT PGUSER PGPASSWORD;
# the database ${SLO_BENCH_DB:-slo_fleet_bench} is dropped and re-created)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/slo-fleet-bench}"
rounds="${2:-7}"
mkdir -p "$work"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-slo}"
export PGPASSWORD="${PGPASSWORD:-slo}"
db="${SLO_BENCH_DB:-slo_fleet_bench}"
url="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER&password=$PGPASSWORD"

echo "load before: $(uptime)"
(cd "$here" && mvn -B -q -o -pl slo-cli,benchmarks -am package -DskipTests \
  -Dspotless.check.skip=true)
jar="$here/slo-cli/target/slo.jar"

end="$(date -u +%Y-%m-%dT00:00:00Z)"
start="$(date -u -d "$end - 30 days" +%Y-%m-%dT%H:%M:%SZ)"
start_s="$(date -u -d "$start" +%s)"
if [[ ! -s "$work/data.csv" || "$(cat "$work/end" 2>/dev/null)" != "$end" ]]; then
  echo "generating 100 SLOs x 43,200 minutes from $start to $end ..."
  # the same counts three ways: bad = (m*7+s)%5 (+40 for every tenth SLO in the last 200 minutes)
  awk -v start="$start_s" 'BEGIN {
    print "timestamp,slo_id,good_events,total_events" > "/dev/stderr"
    print "# HELP http_requests Requests."; print "# TYPE http_requests counter"
    for (s = 0; s < 100; s++) {
      id = sprintf("slo-%03d", s)
      for (c = 0; c < 2; c++) {
        code = c == 0 ? "200" : "500"; v = 0
        printf "http_requests_total{code=\"%s\",service=\"%s\"} 0 %d\n", code, id, start
        for (m = 1; m <= 43200; m++) {
          bad = (m * 7 + s) % 5 + ((s % 10 == 0 && m > 43000) ? 40 : 0)
          v += (c == 0 ? 1000 - bad : bad)
          printf "http_requests_total{code=\"%s\",service=\"%s\"} %d %d\n", code, id, v, start + m * 60
          if (c == 0) {
            printf "%s,%s,%d,1000\n", strftime("%Y-%m-%dT%H:%M:%SZ", start + m * 60, 1), id, 1000 - bad > "/dev/stderr"
          }
        }
      }
    }
    print "# EOF" }' >"$work/input.om" 2>"$work/data.csv"
  python3 - "$work" <<'EOF'
import sys
w = sys.argv[1]
plain, counted = ["slos:"], ["slos:"]
for s in range(100):
    common = [f"  - slo_id: slo-{s:03d}", f"    slo_name: SLO {s}", f"    service_name: svc-{s % 10}",
              "    slo_type: AVAILABILITY", "    target_percentage: 99.5", "    time_period: ROLLING_30D"]
    plain += common
    counted += common + [f"    bad_counter: 'http_requests_total{{service=\"slo-{s:03d}\",code=\"500\"}}'",
                         f"    total_counter: 'http_requests_total{{service=\"slo-{s:03d}\"}}'"]
open(f"{w}/spec.yaml", "w").write("\n".join(plain) + "\n")
open(f"{w}/spec-prometheus.yaml", "w").write("\n".join(counted) + "\n")
EOF
  rm -rf "$work/tsdb"
  echo "$end" >"$work/end"
fi
if [[ ! -d "$work/tsdb" ]]; then
  echo "backfilling Prometheus (promtool) ..."
  promtool tsdb create-blocks-from openmetrics --max-block-duration=1458h "$work/input.om" \
    "$work/tsdb" >/dev/null
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'global:\n  scrape_interval: 1h\nscrape_configs: []\n' >"$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$port" \
  --query.lookback-delta=5m >"$work/prometheus.log" 2>&1 &
prom_pid=$!
trap 'kill $prom_pid 2>/dev/null || true' EXIT
prom="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -sf "$prom/-/ready" >/dev/null && break
  sleep 0.2
done

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
java -jar "$jar" db migrate --jdbc "$url" >/dev/null
java -jar "$jar" ingest --jdbc "$url" --data "$work/data.csv" --spec "$work/spec.yaml" >/dev/null
# as after any bulk load (PostgreSQL's "Populating a Database"): otherwise autovacuum works through
# the 4.32M new rows on the same two cores while the rounds below are timed
psql -X -q -d "$db" -c "VACUUM (ANALYZE)"

echo "in one JVM (load: $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$jar:$here/benchmarks/target/classes" dev.slo.benchmarks.FleetSourcesBench \
  "$prom" "$url" "$end" "$rounds" 3 | sed 's/^/  /'

echo "whole ./slo eval processes, best of 3 (load: $(cut -d' ' -f1-3 /proc/loadavg))"
"$here/slo" --version >/dev/null # records the launcher's class data sharing archive when stale
whole() { # name, output file, args...
  local name="$1" out="$2" best=999999 cpu=0 rss=0
  shift 2
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$here/slo" eval --at "$end" --format json "$@" \
      >"$work/$out"
    read -r e u s m <"$work/time"
    w=$(awk -v e="$e" 'BEGIN { printf "%d", e * 1000 }')
    if ((w < best)); then
      best=$w
      cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')
      rss=$((m / 1024))
    fi
  done
  printf '  %-34s %6d ms wall, %6d ms CPU, max RSS %4d MB\n' "$name" "$best" "$cpu" "$rss"
}
whole "eval --prometheus --mode pushdown" pushdown.json --spec "$work/spec-prometheus.yaml" \
  --prometheus "$prom" --mode pushdown
whole "eval --prometheus --mode exact" exact.json --spec "$work/spec-prometheus.yaml" \
  --prometheus "$prom" --mode exact
whole "eval --jdbc" jdbc.json --jdbc "$url"
whole "eval --data (CSV)" data.json --spec "$work/spec.yaml" --data "$work/data.csv"
for f in exact jdbc; do
  if ! cmp -s "$work/$f.json" "$work/data.json"; then
    echo "MISMATCH: eval from $f differs from eval --data" >&2
    exit 1
  fi
done
echo "  exact, store and file reports are byte-identical"
echo "load after: $(uptime)"
