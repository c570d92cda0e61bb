#!/usr/bin/env bash
# Steady-state cost to Prometheus of keeping 100 SLOs evaluated every minute, two ways, against one
# real Prometheus with 30 days of backfilled counters that it keeps scraping live:
#   rules:  the recording and alerting rules of `slo rules` for the 100 SLOs, loaded into Prometheus
#   serve:  `slo serve --prometheus URL --mode exact --interval 60s` polling it (incremental)
# and, first, neither (the idle baseline: scraping and housekeeping). Each phase runs DURATION
# seconds after its first evaluation; the figures are from Prometheus' own /metrics: its CPU
# (process_cpu_seconds_total), the engine's query time (prometheus_engine_query_duration_seconds,
# every slice; rule evaluations go through the engine too) and, for the rules, the rule groups'
# own duration (prometheus_rule_group_last_duration_seconds, summed over groups = one round).
# With SERVE_PUSHDOWN=1 a fourth phase runs `slo serve --mode pushdown` (not incremental: every
# pass asks for every window again, in one round of batched requests for the spec's SLOs).
# With PER_SLO=1 each SLO has its own two counters (service="slo-NNN", 200 series, as issue 13 and
# benchmarks/fleet-bench.sh have them) instead of all 100 sharing one pair.
# Usage: benchmarks/serve-prometheus-bench.sh   (env: DURATION, default 180). Needs prometheus,
# promtool, python3 and curl; builds the CLI through ./slo when needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$PWD"
duration="${DURATION:-180}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
prom_port="$(free_port)"
target_port="$(free_port)"
serve_port="$(free_port)"
prom="http://127.0.0.1:$prom_port"
end="$(( $(date +%s) / 60 * 60 - 120 ))"

# 30 days of one-minute samples, then a live target continuing the same two series
services="checkout"
[[ "${PER_SLO:-}" == 1 ]] && services="$(seq -f 'slo-%03g' 0 99 | paste -sd,)"
python3 - "$work" "$end" "$target_port" "$services" <<'EOF'
import sys
work, end, port, services = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4].split(",")
n = 30 * 1440
rows = []
ok = bad = 0
for i in range(n + 1):
    t = end - (n - i) * 60
    ok += 1000
    bad += 5 if (i // 60) % 24 == 3 else 1
    rows.append((t, ok, bad))
with open(work + "/input.om", "w") as f:
    f.write("# TYPE http_requests counter\n")
    for svc in services:
        labels = 'instance="127.0.0.1:%s",job="live",service="%s"' % (port, svc)
        f.write("".join('http_requests_total{code="200",%s} %d %d\n' % (labels, ok, t) for t, ok, bad in rows))
        f.write("".join('http_requests_total{code="500",%s} %d %d\n' % (labels, bad, t) for t, ok, bad in rows))
    f.write("# EOF\n")
with open(work + "/last", "w") as f:
    f.write("%d %d %d\n" % rows[-1])
EOF
cat >"$work/target.py" <<'EOF'
import http.server, sys, time
port, last, services = int(sys.argv[1]), open(sys.argv[2]).read().split(), sys.argv[3].split(",")
t0, ok0, bad0 = int(last[0]), int(last[1]), int(last[2])
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        m = (time.time() - t0) / 60
        body = "".join('http_requests_total{code="200",service="%s"} %d\n'
                       'http_requests_total{code="500",service="%s"} %d\n'
                       % (s, ok0 + int(1000 * m), s, bad0 + int(m)) for s in services).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
EOF
python3 "$work/target.py" "$target_port" "$work/last" "$services" &
pids+=($!)
promtool tsdb create-blocks-from openmetrics --max-block-duration=1458h "$work/input.om" "$work/data" >/dev/null

# the fleet: 100 SLOs over one selector pair (or their own, PER_SLO=1), periods in turn
python3 - "$work/fleet.yaml" "$services" <<'EOF'
import sys
periods = ["ROLLING_30D", "ROLLING_7D", "CALENDAR_MONTH"]
services = sys.argv[2].split(",")
with open(sys.argv[1], "w") as f:
    f.write("slos:\n")
    for i in range(100):
        svc = services[i % len(services)]
        f.write("  - slo_id: slo-%d\n    slo_name: SLO %d\n    service_name: checkout\n"
                "    slo_type: AVAILABILITY\n    target_percentage: 99.9\n    time_period: %s\n"
                "    bad_counter: 'http_requests_total{service=\"%s\",code=\"500\"}'\n"
                "    total_counter: 'http_requests_total{service=\"%s\"}'\n"
                % (i, i, periods[i % 3], svc, svc))
EOF
./slo rules --spec "$work/fleet.yaml" --out "$work/rules.yml" >/dev/null

config() { # $1: rule file or empty
  {
    printf 'global:\n  scrape_interval: 15s\n  evaluation_interval: 1m\n'
    [[ -n "$1" ]] && printf 'rule_files:\n  - %s\n' "$1"
    printf "scrape_configs:\n  - job_name: live\n    static_configs:\n      - targets: ['127.0.0.1:%s']\n" "$target_port"
  } >"$work/prometheus.yml"
}
config ""
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --storage.tsdb.retention.time=100y --web.listen-address="127.0.0.1:$prom_port" \
  --web.enable-lifecycle >"$work/prometheus.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -fsS "$prom/-/ready" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fsS "$prom/-/ready" >/dev/null || { cat "$work/prometheus.log" >&2; exit 1; }

metrics() { # prints: cpu_seconds engine_seconds engine_queries rule_round_seconds rule_iterations
  curl -fsS "$prom/metrics" | python3 -c '
import sys
cpu = eng = q = rounds = it = 0.0
for line in sys.stdin:
    if line.startswith("#"): continue
    name, _, value = line.rstrip().rpartition(" ")
    v = float(value)
    if name == "process_cpu_seconds_total": cpu = v
    elif name.startswith("prometheus_engine_query_duration_seconds_sum"): eng += v
    elif name.startswith("prometheus_engine_query_duration_seconds_count{slice=\"inner_eval\""): q += v
    elif name.startswith("prometheus_rule_group_last_duration_seconds"): rounds += v
    elif name.startswith("prometheus_rule_group_iterations_total"): it += v
print(cpu, eng, q, rounds, it)'
}
report() { # $1 phase, $2 before, $3 after
  python3 - "$1" "$2" "$3" "$duration" <<'EOF'
import sys
name, a, b, d = sys.argv[1], list(map(float, sys.argv[2].split())), list(map(float, sys.argv[3].split())), float(sys.argv[4])
per_min = 60.0 / d
print("%-6s per minute: Prometheus CPU %.4f s, engine query time %.6f s in %.1f queries, rule round %.4f s (%.0f group iterations in %.0f s)"
      % (name, (b[0] - a[0]) * per_min, (b[1] - a[1]) * per_min, (b[2] - a[2]) * per_min, b[3], b[4] - a[4], d))
EOF
}

echo "# load before: $(uptime)"
echo "# 100 SLOs over $(tr ',' '\n' <<<"$services" | wc -l) service(s)' counters, 30 days backfilled, scraped every 15 s; each phase ${duration} s"
m0="$(metrics)"; sleep "$duration"; m1="$(metrics)"
report idle "$m0" "$m1" | tee "$work/idle.txt"

config "$work/rules.yml"
curl -fsS -X POST "$prom/-/reload" >/dev/null
for _ in $(seq 1 120); do
  [[ "$(metrics | awk '{print $5}')" != "0" ]] && break
  sleep 1
done
m0="$(metrics)"; sleep "$duration"; m1="$(metrics)"
report rules "$m0" "$m1" | tee "$work/rules.txt"
echo "#   $(grep -c 'record:' "$work/rules.yml") recording and $(grep -c 'alert:' "$work/rules.yml") alerting rules"

config ""
curl -fsS -X POST "$prom/-/reload" >/dev/null
for mode in exact ${SERVE_PUSHDOWN:+pushdown}; do
  ./slo serve --spec "$work/fleet.yaml" --prometheus "$prom" --mode "$mode" --interval 60s \
    --port "$serve_port" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  pids+=($serve_pid)
  for _ in $(seq 1 600); do
    curl -fsS "http://127.0.0.1:$serve_port/readyz" >/dev/null 2>&1 && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
  done
  sleep 2
  m0="$(metrics)"; sleep "$duration"; m1="$(metrics)"
  [[ $mode == exact ]] && name=serve || name=push
  report "$name" "$m0" "$m1" | tee "$work/$name.txt"
  rss="$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$serve_pid/status")"
  echo "#   slo serve --mode $mode peak RSS ${rss} MB; status of slo-0: $(curl -fsS "http://127.0.0.1:$serve_port/api/v1/slos/slo-0/status" | head -c 200)"
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
done
# one-shot exact evaluations of the same 100 SLOs (whole process), through the launcher (its JVM
# flags for short commands) and as a bare java -jar (the JVM's defaults, G1)
for how in launcher java-jar; do
  if [[ $how == launcher ]]; then cmd=(./slo); else cmd=(java -jar slo-cli/target/slo.jar); fi
  /usr/bin/time -f '%M %e' -o "$work/time" "${cmd[@]}" eval --spec "$work/fleet.yaml" \
    --prometheus "$prom" --mode exact >/dev/null 2>"$work/eval.err" || true
  [[ -s "$work/eval.err" ]] && head -3 "$work/eval.err" >&2
  read -r kb secs <"$work/time"
  echo "eval --mode exact (100 SLOs, $how): peak RSS $((kb / 1024)) MB, ${secs} s"
done
python3 - "$work" <<'EOF'
import sys, re
w = sys.argv[1]
def nums(f):
    t = open(w + "/" + f).read()
    return [float(x) for x in re.findall(r"CPU ([0-9.]+) s, engine query time ([0-9.]+) s", t)[0]]
idle, rules, serve = nums("idle.txt"), nums("rules.txt"), nums("serve.txt")
print("serve / rules: engine query time %.6fx; Prometheus CPU above idle %.4fx (goal: at most 0.1x;"
      " CPU is counted in 10 ms ticks)"
      % (serve[1] / rules[1], max(serve[0] - idle[0], 0) / max(rules[0] - idle[0], 1e-9)))
EOF
echo "# load after: $(uptime)"
