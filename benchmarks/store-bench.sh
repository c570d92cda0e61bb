#!/usr/bin/env bash
# The PostgreSQL store against what a user would run instead, on the same data in the same run:
#   ingest: `slo ingest` vs psql `\copy` into the same keyed, partitioned table (sli_metrics_ts of a
#           second store made by the same `slo db migrate` + `slo db maintain`);
#   eval:   100 SLOs evaluated from the store (in the JVM, and the whole `slo eval --jdbc` process)
#           vs one plain SQL statement per window over the raw rows.
# Answers are checked equal (per-SLO sums of both stores; every window against the SQL; `eval
# --jdbc` against `eval --data` on the file) and the ratios printed with the load average.
#
# Data: 100 SLOs x 30 days of one-minute rows = 4,320,000 rows ending at today 00:00 UTC.
# Needs psql, a PostgreSQL 15 (default 127.0.0.1:5432 user slo password slo, which may create
# databases) and GNU time. Usage: benchmarks/store-bench.sh [WORKDIR]   (env PGHOST PGPORT PGUSER
# PGPASSWORD override the server; the databases ${SLO_BENCH_DB:-slo_store_bench}_copy and _ingest
# are dropped and re-created). The whole `slo eval --jdbc` process runs through ./slo (class data
# sharing archive, client compiler), as a user runs it; its CPU time (user+sys) is printed too.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-/tmp/slo-store-bench}"
mkdir -p "$work"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-slo}"
export PGPASSWORD="${PGPASSWORD:-slo}"
prefix="${SLO_BENCH_DB:-slo_store_bench}"
jdbc() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1?user=$PGUSER&password=$PGPASSWORD"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "load before: $(uptime)"
(cd "$here" && mvn -B -q -o -pl slo-cli -am package -DskipTests -Dspotless.check.skip=true \
  && mvn -B -q -o -pl slo-jdbc -am test-compile -Dspotless.check.skip=true)
jar="$here/slo-cli/target/slo.jar"
slo() { java -jar "$jar" "$@"; }

end="$(date -u +%Y-%m-%dT00:00:00Z)"
start="$(date -u -d "$end - 30 days" +%Y-%m-%dT%H:%M:%SZ)"
if [[ ! -s "$work/data.csv" || "$(cat "$work/end" 2>/dev/null)" != "$end" ]]; then
  echo "generating 4,320,000 rows from $start to $end ..."
  psql -X -q -d postgres -c "\\copy (SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS timestamp, 'slo-' || lpad(s::text, 3, '0') AS slo_id, 1000 - (m * 7 + s) % 5 - CASE WHEN s % 10 = 0 AND m > 43000 THEN 40 ELSE 0 END AS good_events, 1000 AS total_events FROM generate_series(1, 43200) m CROSS JOIN LATERAL (SELECT timestamptz '$start' + make_interval(mins => m) AS t) x CROSS JOIN LATERAL generate_series(0, 99 + 0 * m) s) TO '$work/data.csv' WITH (FORMAT csv, HEADER)"
  # the same rows for \copy, with the sli_value column the table requires
  awk -F, 'NR > 1 { printf "%s,%s,%s,%s,%.10g\n", $1, $2, $3, $4, 100 * $3 / $4 }' \
    "$work/data.csv" >"$work/copy.csv"
  python3 - "$work/spec.yaml" <<'EOF'
import sys
lines = ["slos:"]
for s in range(100):
    lines += [f"  - slo_id: slo-{s:03d}", f"    slo_name: SLO {s}", f"    service_name: svc-{s % 10}",
              "    slo_type: AVAILABILITY", "    target_percentage: 99.5", "    time_period: ROLLING_30D"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
EOF
  echo "$end" >"$work/end"
fi

for db in "${prefix}_copy" "${prefix}_ingest"; do
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  slo db migrate --jdbc "$(jdbc $db)" >/dev/null
  slo db maintain --jdbc "$(jdbc $db)" >/dev/null # partitions of the retention window
done

echo "ingest (load: $(cut -d' ' -f1-3 /proc/loadavg))"
t0=$(now_ms)
psql -X -q -d "${prefix}_copy" -c "\\copy sli_metrics_ts (\"timestamp\", slo_id, good_events, total_events, sli_value) FROM '$work/copy.csv' WITH (FORMAT csv)"
t1=$(now_ms)
/usr/bin/time -f "%M" -o "$work/ingest.rss" java -jar "$jar" ingest --jdbc "$(jdbc "${prefix}_ingest")" \
  --data "$work/data.csv" --spec "$work/spec.yaml"
t2=$(now_ms)
copy_ms=$((t1 - t0))
ingest_ms=$((t2 - t1))
echo "  \\copy into sli_metrics_ts: ${copy_ms} ms ($((4320000 * 1000 / copy_ms)) rows/s)"
echo "  slo ingest (parse, COPY, rollups): ${ingest_ms} ms ($((4320000 * 1000 / ingest_ms)) rows/s)," \
  "max RSS $(($(cat "$work/ingest.rss") / 1024)) MB; ratio $(ratio "$copy_ms" "$ingest_ms")x of \\copy (goal >= 0.5)"
t3=$(now_ms)
java -jar "$jar" ingest --jdbc "$(jdbc "${prefix}_ingest")" --data "$work/data.csv" >/dev/null
t4=$(now_ms)
echo "  re-run of the same file (staged merge, replaces): $((t4 - t3)) ms"
q="SELECT slo_id, count(*), sum(good_events), sum(total_events) FROM sli_metrics_ts GROUP BY 1 ORDER BY 1"
if ! diff <(psql -X -At -d "${prefix}_copy" -c "$q") <(psql -X -At -d "${prefix}_ingest" -c "$q") >/dev/null; then
  echo "MISMATCH: the two stores hold different rows" >&2
  exit 1
fi
echo "  both stores hold the same rows (count and sums per SLO)"

echo "eval (load: $(cut -d' ' -f1-3 /proc/loadavg))"
java -cp "$jar:$here/slo-jdbc/target/test-classes" dev.slo.jdbc.FleetEvalBench \
  "$(jdbc "${prefix}_ingest")" "$end" 15 | sed 's/^/  /'
"$here/slo" --version >/dev/null # records the launcher's class data sharing archive when stale
launched() { # wall ms and CPU ms (user+sys) of one ./slo run
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$here/slo" "$@" >/dev/null
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time"
}
"$here/slo" eval --jdbc "$(jdbc "${prefix}_ingest")" --at "$end" --format json >"$work/eval-jdbc.json"
best=999999
cpu=999999
for _ in 1 2 3 4 5; do
  read -r w c < <(launched eval --jdbc "$(jdbc "${prefix}_ingest")" --at "$end" --format json)
  ((w < best)) && best=$w
  ((c < cpu)) && cpu=$c
done
vbest=999999
vcpu=999999
for _ in 1 2 3; do
  read -r w c < <(launched --version)
  ((w < vbest)) && vbest=$w
  ((c < vcpu)) && vcpu=$c
done
echo "  ./slo eval --jdbc, whole process: best of 5 ${best} ms wall, ${cpu} ms CPU (a bare" \
  "'./slo --version': ${vbest} ms wall, ${vcpu} ms CPU; goal < 600 ms)"
slo eval --spec "$work/spec.yaml" --data "$work/data.csv" --at "$end" --format json >"$work/eval-data.json"
if ! cmp -s "$work/eval-jdbc.json" "$work/eval-data.json"; then
  echo "MISMATCH: eval --jdbc and eval --data differ" >&2
  exit 1
fi
echo "  eval --jdbc equals eval --data on the file"
echo "load after: $(uptime)"
