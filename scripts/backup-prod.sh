#!/usr/bin/env bash
# backup-prod.sh — a consistent online dump of the production database named in
# the program's config, kept for a number of days and optionally copied off the
# machine; aftersales-backup.timer runs it daily (conf/production/README.md).
#
# Usage: backup-prod.sh [CONFIG]      (default /etc/aftersales/aftersales.ini)
#   Connects with the [database] settings of CONFIG (socket, or host and port;
#   user, password, name) and writes DIR/<name>-<UTC time>.sql.gz, mode 600;
#   prints its path. Restore: conf/production/README.md, "Backups".
# Environment (the service reads /etc/aftersales/backup.env):
#   AS_BACKUP_DIR        where the dumps go               (default /var/backups/aftersales)
#   AS_BACKUP_KEEP_DAYS  delete dumps older than this     (default 14; 0 keeps all)
#   AS_BACKUP_COPY       shell command run with the new file as $1 to copy it off
#                        the machine, e.g. 'rsync -t "$1" backup@vault:/srv/aftersales/';
#                        its failure fails the run (the local dump is kept)
#   AS_BACKUP_DUMP_OPTS  more mariadb-dump options, e.g. '--master-data=2 --gtid' to
#                        record the binary log position for point-in-time recovery
#                        (needs RELOAD and BINLOG MONITOR for the account)
#   AS_DB_DEFAULTS_FILE  a client option file ([client] user=, password=, socket= or
#                        host=) to connect with instead of the config's account
set -euo pipefail
export LC_ALL=C

CONFIG=${1:-/etc/aftersales/aftersales.ini}
DIR=${AS_BACKUP_DIR:-/var/backups/aftersales}
KEEP_DAYS=${AS_BACKUP_KEEP_DAYS:-14}

say() { printf '%s\n' "$*"; }
die() { printf 'backup: error: %s\n' "$*" >&2; exit 1; }

[[ $KEEP_DAYS =~ ^[0-9]+$ ]] || die "AS_BACKUP_KEEP_DAYS must be a number of days, not '$KEEP_DAYS'"
[[ -r $CONFIG ]] || die "cannot read $CONFIG"

# ini KEY: the value of KEY in the [database] section of CONFIG ('' if absent).
ini() {
  awk -v want="$1" '
    /^[ \t]*\[/ { sect = $0; gsub(/[ \t\[\]]/, "", sect); next }
    sect == "database" && /^[ \t]*[^;#]/ {
      i = index($0, "="); if (!i) next
      k = substr($0, 1, i - 1); v = substr($0, i + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
      if (k == want) val = v
    }
    END { print val }' "$CONFIG"
}

NAME=$(ini name)
NAME=${NAME:-aftersales}
[[ $NAME =~ ^[A-Za-z0-9_]+$ ]] || die "database name '$NAME' in $CONFIG is not a plain name"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [[ -n ${AS_DB_DEFAULTS_FILE:-} ]]; then
  OPTS=$AS_DB_DEFAULTS_FILE
else
  # The password goes to the client in an option file (mode 600), never on
  # its command line where ps would show it.
  OPTS=$WORK/client.cnf
  quote() { local v=${1//\\/\\\\}; printf '"%s"' "${v//\"/\\\"}"; }
  {
    say '[client]'
    say "user=$(quote "$(ini user)")"
    say "password=$(quote "$(ini password)")"
    if [[ -n $(ini socket) ]]; then
      say "socket=$(quote "$(ini socket)")"
    else
      say "host=$(quote "$(ini host)")"
      if [[ -n $(ini port) ]]; then say "port=$(ini port)"; fi
    fi
  } >"$OPTS"
  chmod 600 "$OPTS"
fi

read -ra extra <<<"${AS_BACKUP_DUMP_OPTS:-}"
(umask 077; mkdir -p "$DIR")
chmod 700 "$DIR"

START=$SECONDS
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
FILE=$DIR/$NAME-$STAMP.sql.gz
TMP=$DIR/.$NAME-$STAMP.sql.gz.partial
# --single-transaction: one consistent InnoDB snapshot, writers are not
# blocked. The file gets its final name only once it is complete and checked.
if ! (umask 077
  set -o pipefail
  mariadb-dump --defaults-file="$OPTS" --default-character-set=utf8mb4 \
    --single-transaction --routines --triggers --events --hex-blob "${extra[@]}" "$NAME" |
    gzip -6 >"$TMP"); then
  rm -f "$TMP"
  die "mariadb-dump of $NAME failed (see above)"
fi
last=$(gzip -dc "$TMP" | tail -n 1)
if [[ $last != "-- Dump completed"* ]]; then
  rm -f "$TMP"
  die "the dump of $NAME is incomplete (last line: ${last:0:80})"
fi
chmod 600 "$TMP"
mv "$TMP" "$FILE"
say "backup: $FILE ($(du -h "$FILE" | cut -f1), $((SECONDS - START)) s)"

RC=0
if [[ -n ${AS_BACKUP_COPY:-} ]]; then
  if sh -c "$AS_BACKUP_COPY" sh "$FILE"; then
    say "backup: copied off the machine"
  else
    printf 'backup: error: AS_BACKUP_COPY failed for %s (kept locally)\n' "$FILE" >&2
    RC=1
  fi
fi

# Retention runs only after a good dump, so a failing dump never deletes the
# last good ones.
if ((KEEP_DAYS > 0)); then
  find "$DIR" -maxdepth 1 -type f -name "$NAME-*.sql.gz" -mmin +$((KEEP_DAYS * 1440)) -print -delete |
    sed 's/^/backup: deleted old /'
  # leftovers of runs killed mid-dump
  find "$DIR" -maxdepth 1 -type f -name ".$NAME-*.partial" -mmin +1440 -delete
fi
exit $RC
