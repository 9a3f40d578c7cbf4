#!/usr/bin/env bash
# ./run.sh        install what is missing, build, start the local stack on
#                 http://127.0.0.1:8080/ (data kept in var/) and stay in the
#                 foreground; Ctrl-C stops it.
# ./run.sh stop   stop it from another terminal.
# ./run.sh status|restart|db-start|db-stop|workers-restart|...: see scripts/stack.sh
# Settings: AS_VAR, AS_PORT, AS_PROCS, AS_THREADS, ... (scripts/stack.sh)
set -euo pipefail
cd "$(dirname "$0")"
if (($# == 0)); then
  exec scripts/stack.sh run
fi
exec scripts/stack.sh "$@"
