#!/bin/sh
# scripts/supervise-workers.sh LOG COMMAND...: runs COMMAND (multiwatch and the program) with its
# output appended to LOG, and starts it again a second after it exits, for as long as this
# script runs. multiwatch gives up on a process slot that died too often too fast and exits
# once every slot has given up; without this loop every page would then be a 502 until someone
# noticed. TERM (or INT, HUP) stops COMMAND and this script. fd 0 is the FastCGI socket
# (spawn-fcgi hands it over) and is passed on to COMMAND.
log=$1
shift
exec >>"$log" 2>&1
child=
stop() {
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child"
  exit 0
}
trap stop TERM INT HUP
# An asynchronous command's stdin would be /dev/null: keep the socket on fd 3 and give it back.
exec 3<&0
while :; do
  "$@" <&3 3<&- &
  child=$!
  wait "$child"
  rc=$?
  child=
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) supervise-workers: $1 exited with status $rc; starting it again in 1 s"
  sleep 1 &
  wait $!
done
