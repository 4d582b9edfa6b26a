#!/usr/bin/env bash
# The p99 of other API traffic without and with a flood of 2,000 wrong passwords in 20 s from one address.
# Starts the app on loopback with a fresh SQLite database and the demo people, runs the load client
# (bench/PeerMentor.Bench signin-flood, bounded to 2,000 requests and ~75 s), and stops the app even on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
port=${PORT:-5198}
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT
dotnet build bench/PeerMentor.Bench -c Release >/dev/null
dotnet publish PeerMentor.Web -c Release -o "$out/app" >/dev/null
ASPNETCORE_ENVIRONMENT=Development DemoData__Seed=true ConnectionStrings__Default="Data Source=$out/bench.db" \
  Logging__LogLevel__Default=Warning \
  dotnet "$out/app/PeerMentor.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$out/app" >"$out/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null)" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$out/app.log"; exit 1; }
  sleep 0.1
done
PEERMENTOR_BENCH_URL="http://127.0.0.1:$port/" timeout 120 \
  dotnet run -c Release --no-build --project bench/PeerMentor.Bench -- signin-flood
