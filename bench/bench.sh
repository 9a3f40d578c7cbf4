#!/usr/bin/env bash
# bench/bench.sh — throughput of a running stack, in one run: nginx serving a
# small static file, a program page that needs no database, the public repair
# and return forms (GET, and POST creating a record each), and the staff home
# and queues (repairs, returns, callbacks) and the month roster that read the
# database (logged in; bench/gen_roster.sh fills a month for 60 staff), and the
# reports: yesterday's reconciliation (today is not a usual day once the POSTs
# above have added thousands of requests to it), this month's KPIs and repair report.
# Prints req/s, p99 latency and the ratio to the static file. A page that does
# not answer as it should (200, or 303 for a POST) is skipped, not measured.
#
# Usage: ./run.sh (in another terminal), then bench/bench.sh
# Environment:
#   BASE_URL        default http://127.0.0.1:8080
#   AS_VAR          where the stack keeps admin-password (default <repo>/var)
#   AS_ADMIN_USER / AS_ADMIN_PASSWORD   login for the staff pages
#                   (default admin / the content of $AS_VAR/admin-password)
#   WRK_THREADS, WRK_CONNECTIONS, WRK_DURATION   default 2, 32, 10s
#   BENCH_PAGES     more pages, space-separated; prefix "auth:" for pages that
#                   need the session, "post:" to POST a public form: the fields
#                   of /X/new are in bench/form_X.txt, sent by bench/post_form.lua
#                   with a fresh one-time token each time,
#                   e.g. BENCH_PAGES="/track auth:/staff/customers"
# A POST of a public form creates a repair or a return per request: run it
# against a stack started with high limits, e.g.
#   AS_POST_RATE=100000r/s AS_SUBMIT_MAX_PER_HOUR=1000000 ./run.sh
# Note: wrk and nginx share the machine's cores, as does the database.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
BASE_URL=${BASE_URL:-http://127.0.0.1:8080}
BASE_URL=${BASE_URL%/}
AS_VAR=${AS_VAR:-$REPO/var}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_DURATION=${WRK_DURATION:-10s}
USER_NAME=${AS_ADMIN_USER:-admin}
PASSWORD=${AS_ADMIN_PASSWORD:-${AFTERSALES_ADMIN_PASSWORD:-}}
if [[ -z $PASSWORD && -r $AS_VAR/admin-password ]]; then
  PASSWORD=$(head -n1 "$AS_VAR/admin-password")
fi
read -ra extra_pages <<<"${BENCH_PAGES:-}"
PAGES=(/static/bench.txt / auth:/staff /repair/new post:/repair/new auth:/staff/repairs
  /return/new post:/return/new auth:/staff/returns "auth:/staff/returns?status=inspected&kind=exchange"
  "auth:/staff/returns?overdue=1" auth:/staff/callbacks "auth:/staff/callbacks?tab=overdue" auth:/staff/roster
  "auth:/staff/reports/daily?date=$(date -d yesterday +%F)" auth:/staff/reports/kpi auth:/staff/reports/repairs
  "${extra_pages[@]}")

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v wrk >/dev/null || die "wrk is missing: apt-get install wrk"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE_URL/static/bench.txt" || true)
[[ $code == 200 ]] || die "no stack answers at $BASE_URL (start it with ./run.sh)"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Log in like a browser: GET /login (it may set a cookie and carry a hidden
# csrf field), POST username, password (and csrf) back with the cookies; the
# answer sets the sid cookie.
SID="" LOGIN_ERROR=""
login() {
  local jar=$TMP/cookies csrf args=()
  [[ -n $PASSWORD ]] || { LOGIN_ERROR="no admin password: set AS_ADMIN_PASSWORD or AS_VAR"; return 1; }
  curl -s -c "$jar" -b "$jar" -o "$TMP/login.html" "$BASE_URL/login" || true
  csrf=$(grep -o '<input[^>]*name="csrf"[^>]*>' "$TMP/login.html" | head -n1 |
    sed -n 's/.*value="\([^"]*\)".*/\1/p') || true
  [[ -n $csrf ]] && args=(--data-urlencode "csrf=$csrf")
  curl -s -c "$jar" -b "$jar" -o /dev/null \
    --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" \
    "${args[@]}" "$BASE_URL/login" || true
  SID=$(awk '$6 == "sid" { print $7 }' "$jar" | tail -n1)
  [[ -n $SID ]] || { LOGIN_ERROR="login as $USER_NAME failed (no sid cookie)"; return 1; }
}

# to_ms "3.99ms" -> 3.99
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

printf 'wrk -t%s -c%s -d%s against %s\n\n' "$WRK_THREADS" "$WRK_CONNECTIONS" "$WRK_DURATION" "$BASE_URL"
printf '%-46s %12s %10s %9s  %s\n' path req/s p99_ms ratio note
static_rps=""
# form_file PATH: the fields of the public form at PATH (/repair/new -> bench/form_repair.txt).
form_file() {
  local name=${1#/}
  printf '%s/bench/form_%s.txt' "$REPO" "${name%%/*}"
}

# 64 hex digits, the shape of the forms' one-time token.
new_token() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }

for page in "${PAGES[@]}"; do
  hdr=()
  script=()
  args=()
  path=$page
  want=200
  if [[ $page == post:* ]]; then
    path=${page#post:}
    want=303
    form=$(form_file "$path")
    [[ -r $form ]] || die "no form fields for POST $path: $form is missing"
    script=(-s "$REPO/bench/post_form.lua")
    args=(-- "$form")
  elif [[ $page == auth:* ]]; then
    path=${page#auth:}
    if [[ -z $SID && -z $LOGIN_ERROR ]]; then login || true; fi
    if [[ -z $SID ]]; then
      printf '%-46s %12s %10s %9s  %s\n' "$path" - - - "skipped: $LOGIN_ERROR"
      continue
    fi
    hdr=(-H "Cookie: sid=$SID")
  fi
  # Check the page once first: benchmarking a 404 or a redirect to /login
  # would measure the wrong thing.
  if ((${#script[@]})); then
    code=$(curl -s -o /dev/null -w '%{http_code}' --data-binary "$(cat "$form")&token=$(new_token)" "$BASE_URL$path" || true)
  else
    code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$BASE_URL$path" || true)
  fi
  label="${script:+POST }$path"
  if [[ $code != "$want" ]]; then
    printf '%-46s %12s %10s %9s  %s\n' "$label" - - - "skipped: HTTP $code, not $want"
    continue
  fi
  out=$TMP/wrk.out
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "${hdr[@]}" "${script[@]}" "$BASE_URL$path" "${args[@]}" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed on $path"; }
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  errs=$(awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print }' "$out")
  [[ -n $static_rps ]] || static_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$static_rps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  note="HTTP $code"
  [[ -n $errs ]] && note+=", socket errors: $errs"
  # Answers other than the page (a 429 once a limit is reached) are fast and would count as
  # throughput: such a run measures nothing.
  if [[ -n $bad ]]; then
    printf '%-46s %12s %10s %9s  %s\n' "$label" - - - "not measured: $bad answers were not 2xx/3xx"
    continue
  fi
  printf '%-46s %12.0f %10s %9s  %s\n' "$label" "$rps" "$p99" "$ratio" "$note"
done
