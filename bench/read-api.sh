#!/usr/bin/env bash
# Read-API throughput: the Release app on loopback with demo data, on SQLite (a temp file) and on PostgreSQL (a
# private cluster in a temp folder), a student's bearer token, then wrk (2 threads, 32 connections) against /health
# and each read endpoint. Prints req/s, p99, the share of /health's rate and the CPU time per request (app and
# database server; steadier than req/s on a shared machine) per endpoint per database.
# Usage: bash bench/read-api.sh [seconds per endpoint, default 10] [sqlite|postgres|both, default both]
# PM_BENCH_APP=<folder of a Release publish> skips the publish step (to compare two builds back to back).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
which_db=${2:-both}
command -v wrk >/dev/null || { echo "Installing wrk"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
chmod 755 "$work"
app_pid=""
pg_bin=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$pg_bin" ] && [ -d "$work/pg/data" ]; then pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# initdb and postgres refuse to run as root: run them as the postgres user then (as the test infrastructure does).
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ -n "${PM_BENCH_APP:-}" ]; then
  cp -r "$PM_BENCH_APP" "$work/app"
else
  echo "Publishing Release build..."
  dotnet publish PeerMentor.Web -c Release -o "$work/app" >/dev/null
fi
port=5198
base="http://127.0.0.1:$port"

start_app() { # provider, connection string
  ASPNETCORE_ENVIRONMENT=Production Database__Provider="$1" ConnectionStrings__Default="$2" DemoData__Seed=true \
    dotnet "$work/app/PeerMentor.Web.dll" --urls "$base" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health" 2>/dev/null)" = 200 ] && return 0
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "The app did not answer /health within 120 s:" >&2; tail -20 "$work/app.log" >&2; exit 1
}

stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

token() { # the token endpoint is rate limited and serializes password checks: retry a few times on 429/503
  for _ in $(seq 1 10); do
    local body
    body=$(curl -s -H 'Content-Type: application/json' -d '{"email":"student1@peermentor.local","password":"PeerMentor-demo-2026"}' "$base/api/v1/auth/token")
    local t
    t=$(printf '%s' "$body" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
    [ -n "$t" ] && { echo "$t"; return 0; }
    sleep 3
  done
  echo "No bearer token: $body" >&2; exit 1
}

measure() { # label, path: prints "label req/s p99"; a short unmeasured run first warms the JIT and the pools
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $bearer" "$base$2")
  [ "$code" = 200 ] || { echo "$2 answered $code, not 200" >&2; exit 1; }
  wrk -t2 -c32 -d2s -H "Authorization: Bearer $bearer" "$base$2" >/dev/null
  local cpu_before cpu_after
  cpu_before=$(cpu_ticks)
  wrk -t2 -c32 -d"${seconds}s" --timeout 5s --latency -H "Authorization: Bearer $bearer" "$base$2" >"$work/wrk.txt"
  cpu_after=$(cpu_ticks)
  local rps p99 errors requests cpu
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
  # CPU per request (the app's, plus the PostgreSQL server's): unlike req/s, it hardly depends on what else the machine runs.
  cpu=$(awk -v b="$cpu_before" -v a="$cpu_after" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", (a - b) * 1000000 / hz / n}')
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.txt" | tr '\n' ' ')
  printf '%s %s %s %s %s\n' "$1" "$rps" "$p99" "$cpu" "$errors"
}

cpu_ticks() { # user+system clock ticks of the app and, while it runs, of the PostgreSQL cluster's processes
  local pids=$app_pid
  if [ -n "$pg_bin" ] && [ -f "$work/pg/data/postmaster.pid" ]; then
    local postmaster
    postmaster=$(head -1 "$work/pg/data/postmaster.pid")
    pids="$pids $postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"
  fi
  for p in $pids; do cat "/proc/$p/stat" 2>/dev/null || true; done | awk '{sub(/^.*\) /, ""); t += $12 + $13} END {print t + 0}'
}

run_all() { # database label
  bearer=$(token)
  local mentor from to
  mentor=$(mentor_id)
  from=$(date -u -d tomorrow +%F)
  to=$(date -u -d "$from + 30 days" +%F)T00:00:00Z
  from=${from}T00:00:00Z
  echo "== $1 (load: $(cut -d' ' -f1-3 /proc/loadavg)) =="
  {
    measure /health /health
    measure slots "/api/v1/mentors/$mentor/slots?from=$from&to=$to"
    measure programs /api/v1/programs
    measure sessions /api/v1/sessions
    measure assignments /api/v1/assignments
    measure reviews /api/v1/reviews
  } | awk '
    NR == 1 { health = $2 }
    { extra = ""; for (i = 5; i <= NF; i++) extra = extra " " $i
      printf "%-12s %7d req/s  p99 %-9s %4.0f%% of /health  CPU %5d us/request%s\n", $1, $2, $3, 100 * $2 / health, $4, extra }'
  echo "(load after: $(cut -d' ' -f1-3 /proc/loadavg))"
}

if [ "$which_db" != postgres ]; then
  mentor_id() { /usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select Id from AspNetUsers where Email=?", ("mentor1@peermentor.local",)).fetchone()[0])' "$work/bench.db"; }
  start_app Sqlite "Data Source=$work/bench.db"
  run_all SQLite
  stop_app
fi

if [ "$which_db" != sqlite ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg" 2>/dev/null || true
  pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
  pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p 55498 -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  pg "$pg_bin/createdb" -h 127.0.0.1 -p 55498 -U postgres peermentor
  connection="Host=127.0.0.1;Port=55498;Username=postgres;Database=peermentor"
  mentor_id() { pg "$pg_bin/psql" -h 127.0.0.1 -p 55498 -U postgres -d peermentor -Atc "select \"Id\" from \"AspNetUsers\" where \"Email\" = 'mentor1@peermentor.local'"; }
  start_app Postgres "$connection"
  run_all PostgreSQL
  stop_app
fi
