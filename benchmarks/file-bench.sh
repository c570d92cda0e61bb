#!/usr/bin/env bash
# Whole-process benchmark of `slo eval --data` on 100 SLOs x 30 days of one-minute rows (4.32M CSV
# rows, ISO-8601 timestamps): wall time and peak RSS from /usr/bin/time -v, the answer checked
# against sums computed by awk, the figures printed against the targets of issue 13.
# Usage: benchmarks/file-bench.sh [RUNS]   (env: WORK=dir for the generated files, SLO_JAVA_OPTS)
# Builds the CLI through ./slo when needed. The CSV (~240 MB) is generated once and kept in WORK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
work="${WORK:-${TMPDIR:-/tmp}/slo-file-bench}"
at="2026-11-20T12:00:00Z"
slos=100
minutes=43200
max_seconds=2.5
max_rss_mb=400
mkdir -p "$work"
csv="$work/rows.csv"
spec="$work/slos.yaml"

if [[ ! -s "$csv" ]] || [[ "$(wc -l <"$csv")" -ne $((slos * minutes + 1)) ]]; then
  echo "# generating $csv ($((slos * minutes)) rows)" >&2
  python3 - "$csv" "$slos" "$minutes" "$at" <<'EOF'
import datetime, random, sys
path, slos, minutes, at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
end = datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
rnd = random.Random(42)
base = [200 + rnd.randrange(800) for _ in range(slos)]
with open(path, "w") as f:
    f.write("timestamp,slo_id,good_events,total_events\n")
    for m in range(minutes):
        ts = (end - datetime.timedelta(minutes=minutes - 1 - m)).strftime("%Y-%m-%dT%H:%M:%SZ")
        late = minutes - 1 - m < 50
        lines = []
        for s in range(slos):
            total = base[s] + rnd.randrange(200)
            rate = 0.03 if (late and s % 10 == 0) else 0.0001
            bad = sum(1 for _ in range(3) if rnd.random() < total * rate / 3)
            lines.append(f"{ts},svc-{s:03d},{total - bad},{total}\n")
        f.writelines(lines)
EOF
fi
if [[ ! -s "$spec" ]]; then
  {
    echo "slos:"
    for ((s = 0; s < slos; s++)); do
      printf '  - slo_id: svc-%03d\n    slo_name: Service %03d availability\n' "$s" "$s"
      printf '    service_name: svc-%03d\n    slo_type: AVAILABILITY\n' "$s"
      printf '    target_percentage: 99.9\n    time_period: ROLLING_30D\n'
    done
  } >"$spec"
fi

./slo --version >/dev/null # builds the jar (and its class data archive) when needed

# the independent answer: good and total per SLO over (at - 30d, at] and the 1h window, by awk
expected="$work/expected.txt"
awk -F, -v from="2026-10-21T12:00:00Z" -v h1="2026-11-20T11:00:00Z" -v to="$at" '
  NR > 1 && $1 > from && $1 <= to { g[$2] += $3; t[$2] += $4 }
  NR > 1 && $1 > h1 && $1 <= to { hg[$2] += $3; ht[$2] += $4 }
  END { for (k in g) printf "%s %d %d %d %d\n", k, g[k], t[k], hg[k], ht[k] }' "$csv" |
  sort >"$expected"

echo "# $(uptime)"
echo "# ./slo eval --spec $spec --data $csv --at $at --format json   ($runs runs)"
best_s=""
worst_rss=0
for ((r = 1; r <= runs; r++)); do
  out="$work/out.json"
  /usr/bin/time -v ./slo eval --spec "$spec" --data "$csv" --at "$at" --format json \
    >"$out" 2>"$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")"
  secs="$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')"
  rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")"
  cpu="$(awk -F': ' '/Percent of CPU/ {print $2}' "$work/time.txt")"
  cpu_s="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time.txt")"
  # the answer: slo_id good total, and the 1h burn rate, from the JSON
  python3 - "$out" "$expected" <<'EOF'
import json, sys
got = {e["slo_id"]: e for e in json.load(open(sys.argv[1]))}
exp = [l.split() for l in open(sys.argv[2])]
assert len(got) == len(exp) == 100, (len(got), len(exp))
for k, g, t, hg, ht in exp:
    e = got[k]
    assert (e["good_units"], e["total_units"]) == (int(g), int(t)), (k, e["good_units"], g)
    burn = (int(ht) - int(hg)) / (int(ht) * 0.001)
    assert abs(e["burn_rates"]["1h"] - burn) <= 1e-9 * max(1.0, burn), (k, e["burn_rates"]["1h"], burn)
EOF
  printf 'run %d: %.2f s wall, %s s CPU (user+sys, %s of a core), %d MB max RSS; answers equal the awk sums (100 SLOs)\n' \
    "$r" "$secs" "$cpu_s" "$cpu" $((rss_kb / 1024))
  if [[ -z "$best_s" ]] || awk -v a="$secs" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
    best_s="$secs"
  fi
  ((rss_kb > worst_rss)) && worst_rss=$rss_kb
done
echo "# $(uptime)"
verdict() { awk -v v="$1" -v max="$2" 'BEGIN { print (v <= max ? "met" : "NOT met") }'; }
printf 'best wall time %.2f s (target <= %s s: %s); worst max RSS %d MB (target < %d MB: %s)\n' \
  "$best_s" "$max_seconds" "$(verdict "$best_s" "$max_seconds")" \
  $((worst_rss / 1024)) "$max_rss_mb" "$(verdict $((worst_rss / 1024)) $((max_rss_mb - 1)))"
