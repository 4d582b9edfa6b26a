#!/usr/bin/env bash
# Read-API throughput: the Release app on loopback with demo data, on SQLite (a temp file) and on PostgreSQL (a
# private cluster in a temp folder), a student's bearer token, then wrk (2 threads, 32 connections) against /health
# and each read endpoint. Prints req/s, p99 and the share of /health's rate per endpoint per database.
# Usage: bash bench/read-api.sh [seconds per endpoint, default 10] [sqlite|postgres|both, default both]
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

echo "Publishing Release build..."
dotnet publish PeerMentor.Web -c Release -o "$work/app" >/dev/null
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
  wrk -t2 -c32 -d"${seconds}s" --timeout 5s --latency -H "Authorization: Bearer $bearer" "$base$2" >"$work/wrk.txt"
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.txt" | tr '\n' ' ')
  printf '%s %s %s %s\n' "$1" "$rps" "$p99" "$errors"
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
    { extra = ""; for (i = 4; i <= NF; i++) extra = extra " " $i
      printf "%-12s %7d req/s  p99 %-9s %4.0f%% of /health%s\n", $1, $2, $3, 100 * $2 / health, extra }'
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
