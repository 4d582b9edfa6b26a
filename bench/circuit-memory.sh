#!/usr/bin/env bash
# Managed heap per live page (Blazor circuit) for each main page kind: the Release app on loopback with the demo
# data and the bench-only heap endpoint (Bench:HeapEndpoint), then bench/PeerMentor.Bench circuits opens N tabs of each
# kind in headless Chromium as a signed-in demo person and prints (heap after a full GC - heap before) / N.
# Stops the app, the load client and its browser even when it fails or is interrupted.
# Usage: bash bench/circuit-memory.sh [pages per kind, default 50] [kinds, comma-separated, default all]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-50}
kinds=${2:-}
work=$(mktemp -d)
port=${PORT:-5199}
app_pid=""
bench_pid=""
cleanup() {
  if [ -n "$bench_pid" ]; then kill "$bench_pid" 2>/dev/null || true; wait "$bench_pid" 2>/dev/null || true; fi
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
command -v /usr/bin/chromium >/dev/null || { echo "Needs Debian's chromium (apt-get install chromium)." >&2; exit 1; }

echo "Building the Release app and the load client..."
dotnet build bench/PeerMentor.Bench -c Release >/dev/null
dotnet publish PeerMentor.Web -c Release -o "$work/app" >/dev/null
# One person opens all pages of a kind: lift the per-person page limit, which would close the older ones, and the
# per-person pace of page actions, which would refuse the later pages' loads.
ASPNETCORE_ENVIRONMENT=Production DemoData__Seed=true ConnectionStrings__Default="Data Source=$work/bench.db" \
  Bench__HeapEndpoint=true Auth__MaxPagesPerPerson=100000 Auth__PageActionBurst=100000 Logging__LogLevel__Default=Warning \
  dotnet "$work/app/PeerMentor.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null)" = 200 ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.1
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
PEERMENTOR_BENCH_URL="http://127.0.0.1:$port/" PEERMENTOR_BENCH_PAGES="$pages" PEERMENTOR_BENCH_KINDS="$kinds" \
  timeout 1800 dotnet bench/PeerMentor.Bench/bin/Release/net10.0/PeerMentor.Bench.dll circuits &
bench_pid=$!
wait "$bench_pid"
bench_pid=""
