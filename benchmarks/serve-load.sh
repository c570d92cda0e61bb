#!/usr/bin/env bash
# Load test of `slo serve`: GET status reads with wrk against the bundled example.
# Usage: benchmarks/serve-load.sh   (env: PORT, THREADS, CONNECTIONS, DURATION, SLO_JAVA_OPTS)
# Needs wrk (Debian: apt-get install wrk) and curl. Builds the CLI through ./slo when needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port="${PORT:-18080}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
duration="${DURATION:-30s}"
url="http://127.0.0.1:$port/api/v1/slos/checkout-availability/status"
log="$(mktemp)"

./slo serve --spec examples/slos.yaml --data examples/events.csv --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "$url" >/dev/null

echo "# warm-up: wrk -t$threads -c$connections -d10s $url" >&2
wrk -t"$threads" -c"$connections" -d10s "$url" >/dev/null
echo "# wrk --latency -t$threads -c$connections -d$duration $url"
wrk --latency -t"$threads" -c"$connections" -d"$duration" "$url"
