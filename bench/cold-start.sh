#!/usr/bin/env bash
# Cold start to the first 200 on /health: a fresh SQLite database each run (schema created, roles and
# demo data seeded), timed from process start. Prints each run and the median.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish PeerMentor.Web -c Release -o "$out/app" >/dev/null
port=5199
times=()
for i in $(seq 1 "$runs"); do
  rm -f "$out"/*.db*
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Default="Data Source=$out/bench.db" \
    dotnet "$out/app/PeerMentor.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$out/app" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null)" = 200 ]; do sleep 0.01; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "cold start to first 200 on /health: median ${median} ms over $runs runs (fresh SQLite, demo data seeded)"
