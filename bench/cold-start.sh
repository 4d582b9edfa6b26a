#!/usr/bin/env bash
# Cold start to the first 200 on /health, timed from process start, two ways: a first run (fresh SQLite database:
# schema created, roles and demo data seeded) and a restart on that same database. Prints each run and both medians,
# wall clock and the app's own CPU time until that answer (steadier than the wall clock on a busy machine).
# The app is published for this machine's runtime, so it is ReadyToRun (precompiled), as a deployment would be.
# Usage: bash bench/cold-start.sh [runs]
# PM_BENCH_APP=<folder of a Release publish> skips the publish step (to compare two builds back to back).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
out=$(mktemp -d -t pm-cold-start-XXXXXX)
pid=
# Whatever happens (failure, Ctrl+C), the app started here stops and the folder goes.
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$out"' EXIT
if [ -n "${PM_BENCH_APP:-}" ]; then cp -r "$PM_BENCH_APP" "$out/app"; else
  rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
  dotnet publish PeerMentor.Web -c Release -r "$rid" --self-contained false -o "$out/app" >/dev/null
fi
tick=$(getconf CLK_TCK)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

start_once() {
  local start end
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Default="Data Source=$out/bench.db" \
    setpriv --pdeathsig TERM dotnet "$out/app/PeerMentor.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$out/app" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited before it answered" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  cpu=$(awk -v tick="$tick" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
  echo "$(( (end - start) / 1000000 )) $cpu"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

first=(); restart=(); first_cpu=(); restart_cpu=()
for i in $(seq 1 "$runs"); do
  rm -f "$out"/*.db*
  read -r ms cpu <<<"$(start_once)"; first+=("$ms"); first_cpu+=("$cpu")
  read -r ms cpu <<<"$(start_once)"; restart+=("$ms"); restart_cpu+=("$cpu")
  echo "run $i: first run ${first[-1]} ms (CPU ${first_cpu[-1]} ms), restart ${restart[-1]} ms (CPU ${restart_cpu[-1]} ms)"
done
echo "cold start to first 200 on /health over $runs runs: restart (existing database) median $(median "${restart[@]}") ms (CPU $(median "${restart_cpu[@]}") ms); first run (fresh SQLite, demo data seeded) median $(median "${first[@]}") ms (CPU $(median "${first_cpu[@]}") ms)"
