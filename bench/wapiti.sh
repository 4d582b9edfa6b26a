#!/usr/bin/env bash
# Wapiti (Debian's `wapiti`) against the app on loopback: Development with the demo data on a throwaway SQLite
# database, signed in as the demo admin, each module and the whole scan bounded in time. Prints wapiti's own
# summary; the full text report is kept at $WAPITI_REPORT. The app this script starts is stopped on every exit.
#   bash bench/wapiti.sh            (WAPITI_SCAN_SECONDS=900 WAPITI_ATTACK_SECONDS=90 PORT=5231 to change them)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wapiti >/dev/null || { echo "wapiti is missing: apt-get install wapiti" >&2; exit 1; }
scan_seconds=${WAPITI_SCAN_SECONDS:-900}
attack_seconds=${WAPITI_ATTACK_SECONDS:-90}
port=${PORT:-5231}
report=${WAPITI_REPORT:-/tmp/peermentor-wapiti-report.txt}
modules=xss,sql,blindsql,exec,file,crlf,redirect,csp,http_headers,cookieflags,csrf
base="http://127.0.0.1:$port"
work=$(mktemp -d)
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop_app EXIT

if curl -s -o /dev/null "$base/"; then echo "Something already listens on port $port; set PORT." >&2; exit 1; fi
dotnet publish PeerMentor.Web -c Release -o "$work/app" >/dev/null
ASPNETCORE_ENVIRONMENT=Development DemoData__Seed=true ConnectionStrings__Default="Data Source=$work/wapiti.db" \
  Uploads__Folder="$work/uploads" dotnet "$work/app/PeerMentor.Web.dll" --urls "$base" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true)" = 200 ] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "The app stopped while starting:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  sleep 0.5
done

# Sign in through the real form (antiforgery token and all) and hand the cookies to wapiti in its JSON format.
jar="$work/cookies.txt"
token=$(curl -s -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/')
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base/account/login" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
  --data-urlencode "Input.Email=admin@peermentor.local" --data-urlencode "Input.Password=PeerMentor-demo-2026")
[ "$status" = 302 ] || { echo "Signing in as the demo admin failed ($status)." >&2; exit 1; }
/usr/bin/python3 - "$jar" "$work/cookies.json" <<'PY'
import json, sys
cookies = {}
for line in open(sys.argv[1]):
    if line.startswith("#HttpOnly_"): line = line[len("#HttpOnly_"):]
    elif line.startswith("#") or not line.strip(): continue
    domain, _, path, secure, expires, name, value = line.rstrip("\n").split("\t")
    cookies.setdefault(domain, {}).setdefault(path, {})[name] = {
        "value": value, "expires": int(expires) or None, "secure": secure == "TRUE", "port": None, "version": 0}
json.dump(cookies, open(sys.argv[2], "w"))
PY

# Signing out would end the scan's session; everything else is fair game. Debian's wapiti 3.0.4 builds its -x
# pattern with a regex flag Python 3.11 refuses ("global flags not at the start"), so it runs with that one function fixed.
/usr/bin/python3 - -u "$base/" --scope folder -m "$modules" -c "$work/cookies.json" -x "$base/account/logout" \
  --max-scan-time "$scan_seconds" --max-attack-time "$attack_seconds" --flush-session \
  --store-session "$work/session" --store-config "$work/config" -f txt -o "$report" -v 1 --no-bugreport <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
crawler.wildcard_translate = lambda pattern: re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
PY
echo
echo "Findings per category (full report: $report):"
awk '/^Summary of vulnerabilities/,/^\*+$/' "$report" || true
grep -E '^[A-Za-z].*: *[0-9]+$' "$report" | head -40 || true
