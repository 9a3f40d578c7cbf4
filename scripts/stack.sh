#!/usr/bin/env bash
# scripts/stack.sh — install, build, start, stop and test the local stack:
# a private MariaDB (unix socket only), the FastCGI workers (spawn-fcgi +
# multiwatch) and a private nginx, all with their files under $AS_VAR.
#
# Usage: scripts/stack.sh COMMAND
#   deps [--test]    install missing Debian packages (--test: also the browser-test ones)
#   build            autogen (when needed), configure --enable-werror, make
#   start [--demo]   start everything (first time: create db, user, admin; --demo: demo data)
#   stop             stop everything that runs (idempotent)
#   restart          stop, then start
#   status           show what runs
#   db-start, db-stop        only the database (tests of database restarts use these)
#   workers-restart          restart only the FastCGI workers (after a rebuild)
#   migrate [--demo]         apply pending sql/ migrations
#   backup           consistent online dump to $AS_VAR/backups/aftersales-<UTC time>.sql.gz
#   restore FILE     replace the database by a backup (workers stopped meanwhile;
#                    the state before is dumped first), then apply pending migrations
#   run              deps, build, start --demo, stay in the foreground until Ctrl-C (run.sh)
#   test             the whole test suite on a fresh stack in var-test/ (test.sh)
#   fuzz             fuzz the request parsers (tests/fuzz/run.sh; FUZZ_SECONDS, default 60)
#
# Settings (environment):
#   AS_VAR      data, logs, secrets and sockets      (default <repo>/var)
#   AS_PORT     nginx port on 127.0.0.1              (default 8080)
#   AS_PROCS    FastCGI processes                    (default 2)
#   AS_THREADS  threads per FastCGI process          (default 8)
#   AS_POST_RATE, AS_POST_BURST   nginx POST limit per address (default 10r/s, 40)
#   AS_SUBMIT_MAX_PER_HOUR, AS_TRACK_MAX_FAILURES   the program's limits on public
#                 repair submissions and failed /track look-ups per address (30, 10)
#   AFTERSALES_ADMIN_PASSWORD     first admin's password (default: generated once)
#   AS_CONFIGURE_FLAGS            flags for ./configure (default --enable-werror)
#   AS_APP, AS_ADMIN_TOOL         the programs (default <repo>/cgi-bin/...); with
#   AS_NO_BUILD=1                 `run` skips deps and build (prebuilt programs)
#   more [site]/[session]/[limits] settings: see write_ini below.
set -euo pipefail
# shellcheck disable=SC2016 # single-quoted sh -c scripts expand their own $1

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
# mariadbd, nginx and friends live in sbin, which a non-root PATH may lack.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

# ---------------------------------------------------------------- settings --
AS_PORT=${AS_PORT:-8080}
AS_PROCS=${AS_PROCS:-2}
AS_THREADS=${AS_THREADS:-8}
AS_POST_RATE=${AS_POST_RATE:-10r/s}
AS_POST_BURST=${AS_POST_BURST:-40}
AS_CONFIGURE_FLAGS=${AS_CONFIGURE_FLAGS:---enable-werror}
AS_JOBS=${AS_JOBS:-2}
AS_APP=${AS_APP:-$REPO/cgi-bin/aftersales}
AS_ADMIN_TOOL=${AS_ADMIN_TOOL:-$REPO/cgi-bin/aftersales-admin}
AS_DB_NAME=${AS_DB_NAME:-aftersales}
AS_DB_USER=${AS_DB_USER:-aftersales}

# Packages the stack needs to build and run, and those only the tests need.
DEPS_RUN=(libfcgi-dev libctemplate-dev libsodium-dev default-libmysqlclient-dev
  libinih-dev libcmocka-dev libqrencode-dev libxlsxwriter-dev mariadb-server mariadb-client
  nginx-light spawn-fcgi multiwatch autoconf automake libtool pkg-config g++
  make wrk curl)
DEPS_TEST=(chromium fonts-wqy-zenhei clang libclang-rt-14-dev python3-openpyxl ca-certificates)

if [[ $(id -u) == 0 ]]; then
  IS_ROOT=1 SUDO=() DB_SUPER=root
else
  IS_ROOT=0 SUDO=(sudo) DB_SUPER=$(id -un)
fi

# All paths derive from AS_VAR; set_paths runs again when `test` changes it.
set_paths() {
  AS_VAR=$(realpath -m "${AS_VAR:-$REPO/var}")
  AS_RUN=$(realpath -m "${AS_RUN:-$AS_VAR/run}")
  # A unix socket path must fit in 108 bytes; a deep checkout would break
  # every socket, so fall back to a short per-AS_VAR folder in /tmp.
  if (( ${#AS_RUN} > 85 )); then
    AS_RUN=/tmp/aftersales-$(printf %s "$AS_VAR" | md5sum | cut -c1-12)
  fi
  LOG=$AS_VAR/log
  DB_DATA=$AS_VAR/mysql
  DB_SOCK=$AS_RUN/mysqld.sock
  DB_PID=$AS_RUN/mysqld.pid
  APP_SOCK=$AS_RUN/aftersales.sock
  WORKERS_PID=$AS_RUN/workers.pid
  NGINX_PREFIX=$AS_VAR/nginx
  NGINX_CONF=$AS_VAR/nginx.conf
  NGINX_PID=$AS_RUN/nginx.pid
  INI=$AS_VAR/aftersales.ini
  export AS_VAR AS_RUN AS_DB_SOCKET=$DB_SOCK
}
set_paths

# ----------------------------------------------------------------- helpers --
say()  { printf '%s\n' "$*"; }
note() { printf '  %s\n' "$*"; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }
# show the end of a log file after a failure
show_tail() { [[ -s $1 ]] && { printf -- '--- last lines of %s ---\n' "$1" >&2; tail -n "${2:-25}" "$1" >&2; } || true; }

# 24 url-safe characters: safe inside SQL quotes, the INI file and a shell.
gen_secret() { head -c 18 /dev/urandom | base64 | tr -- '+/' '-_'; }

# secret_file PATH: print the secret in PATH, generating it (mode 600) the first time.
secret_file() {
  if [[ ! -s $1 ]]; then (umask 077; gen_secret >"$1"); fi
  chmod 600 "$1"
  head -n1 "$1"
}

# pid_alive PIDFILE NAME: print the pid if that process runs and is NAME
# (checking the name avoids signalling an unrelated process that reused the pid).
pid_alive() {
  local pid
  [[ -s $1 ]] || return 1
  pid=$(tr -dc 0-9 <"$1")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -q -- "$2" || return 1
  printf '%s\n' "$pid"
}

# running PID: the process exists and is not a zombie (a server started by
# this very shell stays a zombie child of it after it exits).
running() {
  local st
  st=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
  [[ -n $st && $st != Z ]]
}

# wait_gone PID SECONDS: wait for a process to end; fails on timeout.
wait_gone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    running "$1" || return 0
    sleep 0.1
  done
  return 1
}

db_alive() { mariadb-admin --no-defaults -S "$DB_SOCK" -u"$DB_SUPER" --connect-timeout=2 ping >/dev/null 2>&1; }
db_cli()   { mariadb --no-defaults --default-character-set=utf8mb4 -S "$DB_SOCK" -u"$DB_SUPER" "$@"; }

check_paths() {
  # Paths go unquoted into nginx.conf and sed: keep them plain.
  local p
  for p in "$REPO" "$AS_VAR" "$AS_RUN"; do
    [[ $p =~ ^[A-Za-z0-9_./+-]+$ ]] || die "path '$p' has characters the generated configs cannot hold; use a plain path"
  done
}

prepare_dirs() {
  check_paths
  mkdir -p "$AS_VAR" "$LOG" "$AS_RUN" "$NGINX_PREFIX/tmp"
  # nginx workers run as nobody: they must traverse to the socket and the logs.
  chmod 755 "$AS_VAR" "$AS_RUN" "$LOG"
}

# -------------------------------------------------------------------- deps --
# deps_missing PACKAGE...: the packages of the list not installed.
deps_missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' || printf '%s\n' "$p"
  done
}

cmd_deps() {
  local run=() test=()
  mapfile -t run < <(deps_missing "${DEPS_RUN[@]}")
  if [[ ${1:-} == --test ]]; then
    mapfile -t test < <(deps_missing "${DEPS_TEST[@]}")
    # The machine image may bring Node.js with npm from elsewhere; Debian's npm
    # package would conflict with it, so install Debian's only when missing.
    command -v node >/dev/null || test+=(nodejs)
    command -v npm >/dev/null || test+=(npm)
  fi
  if ((${#run[@]} + ${#test[@]} == 0)); then
    say "deps: all packages installed"
    return 0
  fi
  say "deps: installing ${run[*]} ${test[*]}"
  "${SUDO[@]}" apt-get update
  # The system MariaDB service is not needed; a policy-rc.d that forbids
  # starting it is fine.
  ((${#run[@]} == 0)) ||
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${run[@]}"
  # The test tools without their recommended packages: Chromium alone would pull about 500 MB
  # of desktop parts a headless run never uses.
  ((${#test[@]} == 0)) ||
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${test[@]}"
}

# ------------------------------------------------------------------- build --
cmd_build() {
  cd "$REPO"
  if [[ ! -x configure || configure.ac -nt configure ]]; then
    say "build: autogen"
    ./autogen.sh
  fi
  # Reconfigure when the Makefile is missing or stale, or configured with other flags.
  local want=() have=()
  read -ra want <<<"$AS_CONFIGURE_FLAGS"
  [[ -x config.status ]] && read -ra have < <(./config.status --config 2>/dev/null | tr -d "'")
  if [[ ! -f Makefile || configure -nt Makefile || "${want[*]}" != "${have[*]}" ]]; then
    say "build: ./configure $AS_CONFIGURE_FLAGS"
    ./configure -q "${want[@]}"
  fi
  say "build: make -j$AS_JOBS"
  make -j"$AS_JOBS"
}

# ---------------------------------------------------------------- database --
db_start() {
  prepare_dirs
  if db_alive; then
    note "MariaDB already running ($DB_SOCK)"
    return 0
  fi
  local pid user_opt=()
  if pid=$(pid_alive "$DB_PID" mariadbd); then
    die "mariadbd (pid $pid) runs on $DB_DATA but does not answer on $DB_SOCK; stop it first"
  fi
  ((IS_ROOT)) && user_opt=(--user=root)
  if [[ ! -d $DB_DATA/mysql ]]; then
    note "creating MariaDB data directory $DB_DATA"
    mariadb-install-db --no-defaults --datadir="$DB_DATA" "${user_opt[@]}" \
      --skip-test-db --auth-root-authentication-method=socket \
      >"$LOG/mariadb-install.log" 2>&1 \
      || { show_tail "$LOG/mariadb-install.log"; rm -rf "$DB_DATA"; die "mariadb-install-db failed"; }
  fi
  # setsid: a Ctrl-C in run.sh's terminal must not reach the server; run.sh
  # stops it cleanly instead.
  setsid mariadbd --no-defaults --datadir="$DB_DATA" --socket="$DB_SOCK" \
    --pid-file="$DB_PID" --log-error="$LOG/mysqld.err" --skip-networking \
    "${user_opt[@]}" --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --innodb-flush-log-at-trx-commit=1 \
    </dev/null >>"$LOG/mysqld.out" 2>&1 &
  pid=$!
  local i
  for ((i = 0; i < 600; i++)); do
    db_alive && { note "MariaDB started (pid $pid, socket $DB_SOCK)"; return 0; }
    running "$pid" || { show_tail "$LOG/mysqld.err"; die "mariadbd exited at start"; }
    sleep 0.1
  done
  show_tail "$LOG/mysqld.err"
  die "mariadbd did not answer within 60 s"
}

db_stop() {
  local pid=""
  pid=$(pid_alive "$DB_PID" mariadbd) || true
  if db_alive; then
    mariadb-admin --no-defaults -S "$DB_SOCK" -u"$DB_SUPER" shutdown >/dev/null 2>&1 || true
  elif [[ -n $pid ]]; then
    kill -TERM "$pid" 2>/dev/null || true
  else
    note "MariaDB not running"
    return 0
  fi
  if [[ -n $pid ]] && ! wait_gone "$pid" 60; then
    note "mariadbd (pid $pid) did not stop in 60 s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  note "MariaDB stopped"
}

# First start: database and its user; repeated on every start (idempotent),
# which also repairs a user whose password file was replaced.
db_setup() {
  local pw
  pw=$(secret_file "$AS_VAR/db-password")
  db_cli <<SQL || die "could not create database $AS_DB_NAME / user $AS_DB_USER"
CREATE DATABASE IF NOT EXISTS \`$AS_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$AS_DB_USER'@'localhost' IDENTIFIED BY '$pw';
ALTER USER '$AS_DB_USER'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON \`$AS_DB_NAME\`.* TO '$AS_DB_USER'@'localhost';
SQL
}

cmd_migrate() {
  AS_DB_SOCKET=$DB_SOCK AS_DB_NAME=$AS_DB_NAME "$REPO/scripts/migrate.sh" "$@"
}

# ------------------------------------------------------------- app config --
write_ini() {
  local pw
  pw=$(secret_file "$AS_VAR/db-password")
  # Written on every start so that changed settings take effect; mode 600
  # because it holds the database password.
  (umask 077; cat >"$INI.tmp" <<INI
; generated by scripts/stack.sh on every start; edit the AS_* settings instead
[site]
name = ${AS_SITE_NAME:-售后服务中心}
templates = ${AS_TEMPLATES:-$REPO/templates}
static_url = /static
url = http://127.0.0.1:$AS_PORT
secure_cookies = ${AS_SECURE_COOKIES:-false}

[database]
socket = $DB_SOCK
user = $AS_DB_USER
password = $pw
name = $AS_DB_NAME
timeout = ${AS_DB_TIMEOUT:-5}

[workers]
threads = $AS_THREADS
request_timeout = ${AS_REQUEST_TIMEOUT:-15}

[session]
idle_minutes = ${AS_IDLE_MINUTES:-30}
absolute_hours = ${AS_ABSOLUTE_HOURS:-12}

[limits]
max_body = ${AS_MAX_BODY:-65536}
login_max_failures = ${AS_LOGIN_MAX_FAILURES:-5}
login_lock_minutes = ${AS_LOGIN_LOCK_MINUTES:-15}

[repairs]
track_max_failures = ${AS_TRACK_MAX_FAILURES:-10}
submit_max_per_hour = ${AS_SUBMIT_MAX_PER_HOUR:-30}
INI
  )
  mv "$INI.tmp" "$INI"
}

# create_user USERNAME ROLE DISPLAY PASSWORD: 0 created, 3 existed, else dies.
create_user() {
  local rc=0
  AFTERSALES_PASSWORD=$4 "$AS_ADMIN_TOOL" -c "$INI" create-user "$1" "$2" "$3" \
    </dev/null >>"$LOG/admin.log" 2>&1 || rc=$?
  case $rc in
    0 | 3) return $rc ;;
    *) show_tail "$LOG/admin.log" 10; die "aftersales-admin create-user $1 failed (exit $rc)" ;;
  esac
}

ADMIN_NOTE=""
ensure_admin() {
  local f=$AS_VAR/admin-password pw rc=0
  if [[ -n ${AFTERSALES_ADMIN_PASSWORD:-} ]]; then pw=$AFTERSALES_ADMIN_PASSWORD
  elif [[ -s $f ]]; then pw=$(head -n1 "$f")
  else pw=$(gen_secret)
  fi
  create_user admin admin 系统管理员 "$pw" || rc=$?
  if ((rc == 0)); then
    (umask 077; printf '%s\n' "$pw" >"$f")
    note "created user admin"
    ADMIN_NOTE="password: $pw   (shown once; saved in $f)"
  elif [[ -s $f ]]; then
    ADMIN_NOTE="password in $f"
  else
    ADMIN_NOTE="password unchanged (user existed already)"
  fi
}

DEMO_NOTE=""
ensure_demo() {
  local f=$AS_VAR/demo-password pw first=0 spec
  [[ -s $f ]] || first=1
  pw=$(secret_file "$f")
  # Staff first: demo data may refer to them.
  for spec in "zhang_agent agent 张敏" "li_tech technician 李强" \
              "wang_sup supervisor 王芳" "zhao_tech technician 赵磊"; do
    # shellcheck disable=SC2086 # split the spec into its three words
    set -- $spec
    create_user "$1" "$2" "$3" "$pw" || true
  done
  cmd_migrate --demo
  if ((first)); then
    DEMO_NOTE="demo staff zhang_agent, li_tech, wang_sup, zhao_tech; password: $pw   (saved in $f)"
  else
    DEMO_NOTE="demo staff zhang_agent, li_tech, wang_sup, zhao_tech; password in $f"
  fi
}

# ----------------------------------------------------------------- workers --
workers_start() {
  prepare_dirs
  local pid
  if pid=$(pid_alive "$WORKERS_PID" supervise-workers); then
    note "workers already running (supervisor pid $pid)"
    return 0
  fi
  [[ -x $AS_APP ]] || die "$AS_APP is missing: run scripts/stack.sh build"
  rm -f "$WORKERS_PID"
  # spawn-fcgi binds the socket (refusing one that is in use), hands it over
  # as fd 0 and writes the pid. multiwatch keeps AS_PROCS copies running and
  # restarts one that dies; it gives a slot up only after 100 deaths each
  # within a second of its start (a crash loop), and supervise-workers.sh
  # starts multiwatch again, a second later, when all slots gave up. -s TERM
  # because multiwatch would send USR1. spawn-fcgi closes stdout/stderr:
  # the supervisor reopens them on the log.
  spawn-fcgi -s "$APP_SOCK" -M 0666 -b 4096 -P "$WORKERS_PID" -- \
    "$REPO/scripts/supervise-workers.sh" "$LOG/workers.log" \
    /usr/bin/multiwatch -f "$AS_PROCS" -r 100 -t 1000 -s TERM -- "$AS_APP" -c "$INI" \
    >>"$LOG/workers.log" 2>&1 \
    || { show_tail "$LOG/workers.log"; die "spawn-fcgi failed"; }
  note "workers started: $AS_PROCS processes x $AS_THREADS threads on $APP_SOCK"
}

# The program's processes of this stack, found by their exact command line,
# which names this stack's own config file.
worker_pids() {
  local d
  for d in /proc/[0-9]*; do
    [[ $({ tr '\0' ' ' <"$d/cmdline"; } 2>/dev/null) == "$AS_APP -c $INI " ]] && printf '%s\n' "${d#/proc/}"
  done
  return 0
}

workers_stop() {
  local pid
  if pid=$(pid_alive "$WORKERS_PID" supervise-workers); then
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 15; then
      note "workers did not stop in 15 s: killing them"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    note "workers stopped"
  else
    note "workers not running"
  fi
  # Workers whose multiwatch was killed by hand keep serving the socket.
  local orphans=()
  mapfile -t orphans < <(worker_pids)
  if ((${#orphans[@]})); then
    note "stopping orphaned workers ${orphans[*]}"
    kill -TERM "${orphans[@]}" 2>/dev/null || true
    sleep 1
    kill -KILL "${orphans[@]}" 2>/dev/null || true
  fi
  rm -f "$WORKERS_PID" "$APP_SOCK"
}

# ------------------------------------------------------------------- nginx --
nginx_args() { printf '%s\n' -p "$NGINX_PREFIX/" -c "$NGINX_CONF" -e "$LOG/nginx-error.log"; }

nginx_start() {
  prepare_dirs
  local pid user_line="" args
  if pid=$(pid_alive "$NGINX_PID" nginx); then
    note "nginx already running (pid $pid)"
    return 0
  fi
  if ((IS_ROOT)); then
    # nginx started by root runs its workers as nobody; if nobody cannot
    # reach static/ or the socket folder (a checkout under /root, say), run
    # them as root rather than serve 403s and 502s.
    if ! runuser -u nobody -- sh -c 'test -x "$1" && ls "$2" >/dev/null' sh "$AS_RUN" "$REPO/static" 2>/dev/null; then
      note "warning: user nobody cannot reach $REPO/static or $AS_RUN; nginx workers will run as root"
      user_line="user root root;"
    fi
  fi
  sed -e "s|@REPO@|$REPO|g" -e "s|@AS_VAR@|$AS_VAR|g" -e "s|@AS_RUN@|$AS_RUN|g" \
      -e "s|@PORT@|$AS_PORT|g" -e "s|@POST_RATE@|$AS_POST_RATE|g" \
      -e "s|@POST_BURST@|$AS_POST_BURST|g" -e "s|@USER_LINE@|$user_line|g" \
      -e "s|@FCGI_TIMEOUT@|$((${AS_REQUEST_TIMEOUT:-15} + 5))|g" \
      "$REPO/conf/nginx-local.conf.in" >"$NGINX_CONF"
  mapfile -t args < <(nginx_args)
  nginx "${args[@]}" -q -t >>"$LOG/nginx-start.log" 2>&1 \
    || { show_tail "$LOG/nginx-start.log"; die "nginx config $NGINX_CONF is invalid"; }
  nginx "${args[@]}" >>"$LOG/nginx-start.log" 2>&1 \
    || { show_tail "$LOG/nginx-start.log"; die "nginx did not start (port $AS_PORT in use?)"; }
  note "nginx started on 127.0.0.1:$AS_PORT"
}

nginx_stop() {
  local pid args
  if ! pid=$(pid_alive "$NGINX_PID" nginx); then
    note "nginx not running"
    return 0
  fi
  mapfile -t args < <(nginx_args)
  nginx "${args[@]}" -s quit >/dev/null 2>&1 || kill -QUIT "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" 10; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
  fi
  note "nginx stopped"
}

# Does the program answer through nginx? Anything but 502/504 means a worker
# took the request.
health_check() {
  local i code
  for ((i = 0; i < 50; i++)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$AS_PORT/" || true)
    case $code in 000 | 502 | 504) sleep 0.2 ;; *) return 0 ;; esac
  done
  show_tail "$LOG/workers.log"
  show_tail "$LOG/nginx-error.log" 10
  die "the program does not answer through nginx (last HTTP status $code)"
}

# ---------------------------------------------------------------- commands --
cmd_start() {
  local demo=0
  [[ ${1:-} == --demo ]] && demo=1
  [[ -x $AS_APP && -x $AS_ADMIN_TOOL ]] || die "program not built: run scripts/stack.sh build"
  say "starting the stack in $AS_VAR"
  db_start
  db_setup
  cmd_migrate
  write_ini
  ensure_admin
  ((demo)) && ensure_demo
  workers_start
  nginx_start
  health_check
  say ""
  say "  open   http://127.0.0.1:$AS_PORT/"
  say "  staff  http://127.0.0.1:$AS_PORT/login   user: admin   $ADMIN_NOTE"
  [[ -n $DEMO_NOTE ]] && say "  demo   $DEMO_NOTE"
  say "  logs   $LOG/"
  return 0
}

cmd_stop() {
  say "stopping the stack in $AS_VAR"
  nginx_stop
  workers_stop
  db_stop
}

# running_port: the port the running nginx was started on (its config), not this shell's AS_PORT.
running_port() {
  sed -n 's/^ *listen 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$NGINX_CONF" 2>/dev/null | head -n1
}

cmd_status() {
  local pid ok=0
  if pid=$(pid_alive "$NGINX_PID" nginx); then
    say "nginx     running (pid $pid) http://127.0.0.1:$(running_port)/"
  else
    say "nginx     stopped"; ok=1
  fi
  # Count the processes themselves: a supervisor can outlive the workers it gave up on.
  local workers=()
  mapfile -t workers < <(worker_pids)
  if pid=$(pid_alive "$WORKERS_PID" supervise-workers) && ((${#workers[@]} >= AS_PROCS)); then
    say "workers   running: ${#workers[@]} of $AS_PROCS processes (supervisor pid $pid)"
  elif [[ -n $pid ]]; then
    say "workers   DEGRADED: ${#workers[@]} of $AS_PROCS processes running (supervisor pid $pid)"; ok=1
  else
    say "workers   stopped${workers:+ (but ${#workers[@]} orphaned processes run)}"; ok=1
  fi
  if db_alive; then say "mariadb   running ($DB_SOCK)"; else say "mariadb   stopped"; ok=1; fi
  return $ok
}

cmd_run() {
  if [[ -z ${AS_NO_BUILD:-} ]]; then
    cmd_deps
    cmd_build
  fi
  # From here on, leave nothing running behind: Ctrl-C, TERM or a failed
  # start all stop the stack.
  trap 'trap - INT TERM EXIT; say ""; cmd_stop; exit 0' INT TERM
  trap 'rc=$?; trap - INT TERM EXIT; ((rc == 0)) || cmd_stop; exit $rc' EXIT
  cmd_start --demo
  say ""
  say "Running. Ctrl-C stops it (or ./run.sh stop from another terminal)."
  # Stay in the foreground while nginx runs; `sleep & wait` lets the trap
  # fire at once on a signal.
  while pid_alive "$NGINX_PID" nginx >/dev/null; do
    sleep 1 &
    wait $! || true
  done
  # ./run.sh stop from another terminal ends here: not an error.
  cmd_stop >/dev/null 2>&1 || true
  say "The stack was stopped (./run.sh stop); done."
}

# ----------------------------------------------------------------- backups --
# backup_dump LABEL: a consistent online dump of the database into
# $AS_VAR/backups/<db>-<UTC time>[-LABEL].sql.gz, mode 600; prints its path.
# --single-transaction reads one InnoDB snapshot without blocking writers; the
# file appears under its final name only when the dump completed.
backup_dump() {
  local dir=$AS_VAR/backups label=${1:+-$1} stamp file tmp
  db_alive || die "MariaDB does not answer on $DB_SOCK: start the stack first"
  mkdir -p "$dir"
  chmod 700 "$dir"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  # two dumps within one second must not share a name
  while [[ -e $dir/$AS_DB_NAME-$stamp$label.sql.gz ]]; do
    sleep 1
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
  done
  file=$dir/$AS_DB_NAME-$stamp$label.sql.gz
  tmp=$dir/.$AS_DB_NAME-$stamp$label.sql.gz.partial
  # No --databases: the dump names no database, so it loads into whichever
  # one restore chooses.
  if ! (umask 077
    set -o pipefail
    mariadb-dump --no-defaults --default-character-set=utf8mb4 -S "$DB_SOCK" -u"$DB_SUPER" \
      --single-transaction --routines --triggers --events --hex-blob "$AS_DB_NAME" |
      gzip -6 >"$tmp"); then
    rm -f "$tmp"
    die "mariadb-dump of $AS_DB_NAME failed"
  fi
  chmod 600 "$tmp"
  mv "$tmp" "$file"
  printf '%s\n' "$file"
}

cmd_backup() {
  local file start=$SECONDS
  file=$(backup_dump) || exit 1
  note "backup of $AS_DB_NAME: $file ($(du -h "$file" | cut -f1), $((SECONDS - start)) s)" >&2
  printf '%s\n' "$file"
}

# backup_check FILE: is FILE a complete mariadb-dump of this application's
# database? Checked before anything is dropped: gzip's CRC and length catch a
# truncated or damaged file, the last line shows the dump ran to its end, the
# tables show it is this schema, and no USE or CREATE DATABASE may send the
# rows elsewhere.
backup_check() {
  local why
  gzip -t -- "$1" 2>/dev/null || die "$1 is not an intact gzip file (truncated or damaged?): nothing changed"
  if ! why=$(gzip -dc -- "$1" | awk '
    # newer dumps open with a /*M!999999 sandbox */ line before the header
    NR <= 3 && /^-- (MariaDB|MySQL) dump/ { head = 1 }
    /^CREATE TABLE `schema_migrations`/ { mig = 1 }
    /^CREATE TABLE `users`/ { users = 1 }
    /^(USE|CREATE DATABASE) / { other = 1 }
    { last = $0 }
    END {
      if (!head) { print "it does not start as a mariadb-dump file"; exit 1 }
      if (last !~ /^-- Dump completed/) { print "it does not end with \"-- Dump completed\" (an interrupted dump?)"; exit 1 }
      if (!mig || !users) { print "it holds no schema_migrations or users table: not a dump of this application"; exit 1 }
      if (other) { print "it names a database (USE / CREATE DATABASE): make it with scripts/stack.sh backup"; exit 1 }
    }'); then
    die "$1 is refused: ${why:-it cannot be read}: nothing changed"
  fi
}

# cmd_restore FILE: replace the database by the backup FILE (a path, or a
# name in $AS_VAR/backups). The workers stop for the duration, so nobody
# writes into a half-loaded database; the current state is dumped first, so a
# restore of the wrong file can itself be undone.
cmd_restore() {
  local file=${1:-} safety start=$SECONDS had_workers=0
  [[ -n $file ]] || die "usage: scripts/stack.sh restore FILE   (backups are in $AS_VAR/backups/)"
  [[ ! -e $file && $file != */* && -e $AS_VAR/backups/$file ]] && file=$AS_VAR/backups/$file
  [[ -f $file && -r $file ]] || die "no backup file $file: nothing changed"
  db_alive || die "MariaDB does not answer on $DB_SOCK: start the stack first"
  backup_check "$file"
  say "restoring $AS_DB_NAME from $file"
  pid_alive "$WORKERS_PID" supervise-workers >/dev/null && had_workers=1
  workers_stop
  safety=$(backup_dump pre-restore) || die "could not save the current state first: nothing changed; start the workers with scripts/stack.sh workers-restart"
  note "the state before the restore is saved in $safety"
  # Drop and create: tables, rows and counters made after the backup go too.
  # The grants are on the name, so the program's account keeps its rights.
  if ! db_cli -e "DROP DATABASE \`$AS_DB_NAME\`; CREATE DATABASE \`$AS_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" ||
     ! gzip -dc -- "$file" | db_cli "$AS_DB_NAME"; then
    die "loading $file failed; the workers stay stopped. The state before is in $safety: scripts/stack.sh restore $safety"
  fi
  # A backup older than the code lacks the newer migrations.
  cmd_migrate
  if ((had_workers)); then
    workers_start
    pid_alive "$NGINX_PID" nginx >/dev/null && health_check
  fi
  say "restored $AS_DB_NAME from $file in $((SECONDS - start)) s"
}

# -------------------------------------------------------------------- test --
# Each step runs as its own `stack.sh SUBCOMMAND` process: bash ignores set -e
# inside a function called from `if` or `||`, so only a separate process
# stops at its first failing command.
SELF=$REPO/scripts/stack.sh
PASSED=0 FAILED=0

# step NAME LOG CMD...: a set-up step; its output goes to LOG, and a failure
# counts as one failed test and shows the end of the log.
step() {
  local name=$1 log=$2 rc=0
  shift 2
  say "== $name"
  "$@" >"$log" 2>&1 || rc=$?
  if ((rc == 0)); then
    say "ok: $name"
    return 0
  fi
  show_tail "$log" 40 2>&1
  say "FAILED: $name (exit $rc; full log $log)"
  FAILED=$((FAILED + 1))
  return 1
}

# count_cmocka DIR: "PASSED FAILED" summed over DIR/*.log. cmocka prints
# "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:"; a
# binary that the harness marks FAIL/ERROR without such a line (a crash, a
# sanitizer or leak report at exit) counts as one failed test.
count_cmocka() {
  local trs log n p=0 f=0
  for trs in "$1"/*.trs; do
    [[ -e $trs ]] || continue
    log=${trs%.trs}.log
    n=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" 2>/dev/null | awk '{s += $1} END {print s + 0}')
    p=$((p + n))
    n=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test.*/\1/p' "$log" 2>/dev/null | awk '{s += $1} END {print s + 0}')
    if ((n == 0)) && grep -qE '^:test-result: (FAIL|ERROR)' "$trs"; then n=1; fi
    f=$((f + n))
  done
  echo "$p $f"
}

# unit_step NAME BUILDDIR LOG CMD...: run `make check` (through CMD) and count.
unit_step() {
  local name=$1 dir=$2 log=$3 rc=0 p f trs
  shift 3
  say "== $name"
  rm -f "$dir"/tests/unit/*.log "$dir"/tests/unit/*.trs
  "$@" >"$log" 2>&1 || rc=$?
  # the automake harness's one line per test binary
  grep -E '^(PASS|FAIL|ERROR|XPASS|XFAIL|SKIP): ' "$log" || true
  read -r p f < <(count_cmocka "$dir/tests/unit")
  for trs in "$dir"/tests/unit/*.trs; do
    [[ -e $trs ]] && grep -qE '^:test-result: (FAIL|ERROR)' "$trs" || continue
    printf -- '--- %s ---\n' "${trs%.trs}.log"
    head -n 80 "${trs%.trs}.log"
  done
  if ((rc != 0 && f == 0)); then
    show_tail "$log" 40 2>&1
    f=1
  fi
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  say "$name: $p passed, $f failed (full log $log)"
}

e2e_step() {
  local tap=$LOG/e2e.tap rc=0 p f c
  say "== end-to-end tests (node --test tests/e2e/)"
  if [[ ! -d $REPO/tests/e2e ]]; then
    say "no tests/e2e folder"
    return 0
  fi
  # timeout: a hung browser must not eat CI's time; each test gets 5 minutes.
  (cd "$REPO" && BASE_URL="http://127.0.0.1:$AS_PORT" \
    AS_ADMIN_PASSWORD="$AFTERSALES_ADMIN_PASSWORD" AS_VAR="$AS_VAR" \
    AS_DB_SOCKET="$DB_SOCK" AS_DB_NAME="$AS_DB_NAME" AS_STACK="$SELF" AS_REPO="$REPO" \
    AS_CHROMIUM="$(command -v chromium || true)" \
    timeout 2400 node --test --test-reporter=tap --test-concurrency=1 \
      --test-timeout=300000 tests/e2e/) 2>&1 | tee "$tap" || rc=$?
  p=$(sed -n 's/^# pass \([0-9][0-9]*\)$/\1/p' "$tap" | tail -n 1)
  f=$(sed -n 's/^# fail \([0-9][0-9]*\)$/\1/p' "$tap" | tail -n 1)
  c=$(sed -n 's/^# cancelled \([0-9][0-9]*\)$/\1/p' "$tap" | tail -n 1)
  p=${p:-0} f=$((${f:-0} + ${c:-0}))
  if ((rc != 0 && f == 0)); then
    say "node exited with status $rc without a failed test: counted as one failure"
    f=1
  fi
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  say "end-to-end: $p passed, $f failed (TAP in $tap)"
}

cmd_check() { cd "$REPO" && make -j"$AS_JOBS" check; }

# A sanitizer build of the unit tests, outside the source tree. automake
# refuses to configure elsewhere a tree that is configured in place (and the
# in-place build is the one run.sh uses), so it builds from a copy of the
# sources: tracked and new files, not ignored ones.
cmd_asan_check() {
  local top=$REPO/build-asan flags
  rm -rf "$top"
  mkdir -p "$top/src" "$top/obj"
  (cd "$REPO" && git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
    tar --null -T - -cf -) | tar -C "$top/src" -xf -
  (cd "$top/src" && ./autogen.sh)
  flags='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined'
  cd "$top/obj"
  ../src/configure -q CC=gcc CXX=g++ CFLAGS="$flags" CXXFLAGS="$flags" \
    LDFLAGS='-fsanitize=address,undefined'
  make -j"$AS_JOBS"
  # Leak detection works in this sandbox (LeakSanitizer needs ptrace-free
  # runs; checked with a deliberate leak), so leaks fail the tests.
  ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    make -j"$AS_JOBS" check
}

cmd_fuzz() { "$REPO/tests/fuzz/run.sh"; }

# fuzz_step LOG: tests/fuzz/run.sh; each target counts as one passed or failed test.
fuzz_step() {
  local log=$1 rc=0 p f
  say "== fuzz the request parsers (tests/fuzz/run.sh, ${FUZZ_SECONDS:-60} s)"
  "$SELF" fuzz >"$log" 2>&1 || rc=$?
  grep -E '^(fuzz |    )' "$log" || true
  p=$(grep -cE '^fuzz [a-z0-9_]+: ok' "$log" || true)
  f=$(grep -cE '^fuzz [a-z0-9_]+: FAILED' "$log" || true)
  if ((rc != 0 && f == 0)); then
    show_tail "$log" 40 2>&1
    f=1
  fi
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  say "fuzz: $p passed, $f failed (full log $log)"
}

cmd_npm_install() {
  cd "$REPO/tests"
  if [[ -f package-lock.json ]]; then
    npm ci --no-audit --no-fund
  else
    npm install --no-audit --no-fund
  fi
}

cmd_test() {
  # A fresh stack of its own, beside a running ./run.sh one.
  export AS_VAR=$REPO/var-test AS_PORT=${AS_TEST_PORT:-18080} AS_PROCS=2 AS_THREADS=4
  export AFTERSALES_ADMIN_PASSWORD=${AFTERSALES_ADMIN_PASSWORD:-TestAdmin-Pass-2026}
  # The tests post quickly from one address: nginx must not throttle them, and
  # the program's hourly limit on public submissions must outlast the suite.
  export AS_POST_RATE=2000r/s AS_POST_BURST=2000 AS_SUBMIT_MAX_PER_HOUR=${AS_SUBMIT_MAX_PER_HOUR:-1000}
  unset AS_RUN
  set_paths
  # Two test runs in one checkout would wipe each other's stack: the second
  # waits for the first. flock -o: the servers started below must not
  # inherit the lock.
  if [[ -z ${AS_TEST_LOCKED:-} ]]; then
    local lock
    lock=/tmp/aftersales-test-$(printf %s "$REPO" | md5sum | cut -c1-12).lock
    flock -n "$lock" true || say "another ./test.sh runs in $REPO: waiting for it"
    exec env AS_TEST_LOCKED=1 flock -o "$lock" "$SELF" test
  fi
  "$SELF" stop >/dev/null 2>&1 || true
  rm -rf "$AS_VAR"
  mkdir -p "$LOG"
  trap '"$SELF" stop >/dev/null 2>&1 || true' EXIT
  trap 'exit 130' INT TERM

  local built=0
  step "deps" "$LOG/test-deps.log" "$SELF" deps --test || true
  step "build (configure $AS_CONFIGURE_FLAGS)" "$LOG/test-build.log" "$SELF" build && built=1
  if ((built)); then
    unit_step "unit tests (make check)" "$REPO" "$LOG/test-unit.log" "$SELF" check
  fi
  unit_step "unit tests under ASan+UBSan (build-asan/)" "$REPO/build-asan/obj" \
    "$LOG/test-unit-asan.log" "$SELF" asan-check
  fuzz_step "$LOG/test-fuzz.log"
  if ((built)) && step "start the stack (port $AS_PORT)" "$LOG/test-start.log" "$SELF" start; then
    sed -n '/open /,$p' "$LOG/test-start.log"
    if step "npm install (tests/)" "$LOG/test-npm.log" "$SELF" npm-install; then
      e2e_step
    fi
  fi
  "$SELF" stop >"$LOG/test-stop.log" 2>&1 || true
  trap - EXIT
  say ""
  say "logs in $LOG/"
  say "$PASSED passed, $FAILED failed"
  ((FAILED == 0 && PASSED > 0))
}

# The whole command line is parsed before it runs: bash reads a script as it
# goes, and an edit of this file during `run` must not change what runs.
main() {
  case ${1:-} in
    deps) shift; cmd_deps "$@" ;;
    build) cmd_build ;;
    start) shift; cmd_start "$@" ;;
    stop) cmd_stop ;;
    restart) shift; cmd_stop; cmd_start "$@" ;;
    status) cmd_status ;;
    db-start) db_start ;;
    db-stop) db_stop ;;
    workers-restart) workers_stop; write_ini; workers_start; health_check ;;
    migrate) shift; cmd_migrate "$@" ;;
    backup) cmd_backup ;;
    restore) shift; cmd_restore "$@" ;;
    run) cmd_run ;;
    test) cmd_test ;;
    check) cmd_check ;;
    asan-check) cmd_asan_check ;;
    fuzz) cmd_fuzz ;;
    npm-install) cmd_npm_install ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 2 ;;
  esac
}
main "$@"; exit $?
