#!/usr/bin/env bash
# scripts/migrate.sh — apply the schema migrations sql/NNN_*.sql in order,
# each once, recording each in the table schema_migrations.
#
# Usage: scripts/migrate.sh           apply pending sql/[0-9][0-9][0-9]_*.sql
#        scripts/migrate.sh --demo    apply pending sql/demo/*.sql (version demo:<name>)
#        scripts/migrate.sh --status  list the versions applied
# Environment:
#   AS_DB_SOCKET  MariaDB socket (default: $AS_VAR/run/mysqld.sock in a checkout,
#                 AS_VAR default <repo>/var; /run/mysqld/mysqld.sock when installed)
#   AS_DB_NAME    database           (default aftersales)
#   AS_DB_SUPER   account to connect as, by unix_socket auth (default: the OS user)
#   AS_DB_DEFAULTS_FILE  instead of socket and account: a client option file
#                 ([client] host=, port=, user=, password=) for another server
#   AS_SQL_DIR    migrations folder  (default: sql/ beside this script when
#                 installed, <repo>/sql in a checkout)
# In a checkout, scripts/stack.sh start runs it (and `scripts/stack.sh migrate`).
set -euo pipefail
shopt -s nullglob
export LC_ALL=C # glob order = byte order of the names

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
if [[ -d $HERE/sql ]]; then
  # installed: $(pkgdatadir)/migrate.sh beside $(pkgdatadir)/sql/
  SQL_DIR=${AS_SQL_DIR:-$HERE/sql}
  SOCK=${AS_DB_SOCKET:-/run/mysqld/mysqld.sock}
else
  SQL_DIR=${AS_SQL_DIR:-$HERE/../sql}
  SOCK=${AS_DB_SOCKET:-${AS_VAR:-$HERE/../var}/run/mysqld.sock}
fi
DB=${AS_DB_NAME:-aftersales}
SUPER=${AS_DB_SUPER:-$(id -un)}

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
# --no-defaults: /etc/mysql settings must not leak in; utf8mb4: the files hold Chinese text.
if [[ -n ${AS_DB_DEFAULTS_FILE:-} ]]; then
  db() { mariadb --defaults-file="$AS_DB_DEFAULTS_FILE" --default-character-set=utf8mb4 "$@"; }
  WHERE=$AS_DB_DEFAULTS_FILE
else
  db() { mariadb --no-defaults --default-character-set=utf8mb4 -S "$SOCK" -u"$SUPER" "$@"; }
  WHERE=$SOCK
fi

mode=${1:---schema}
case $mode in
  --schema | --demo | --status) ;;
  *) die "usage: $0 [--demo|--status]" ;;
esac

db -e 'SELECT 1' "$DB" >/dev/null || die "cannot connect to database $DB ($WHERE)"
db "$DB" <<'SQL' || die "cannot create table schema_migrations"
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    VARCHAR(64) NOT NULL PRIMARY KEY,
  applied_at DATETIME    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
SQL

applied=$(db -N -B -e 'SELECT version FROM schema_migrations ORDER BY version' "$DB")
if [[ $mode == --status ]]; then
  printf '%s\n' "$applied"
  exit 0
fi

if [[ $mode == --demo ]]; then
  files=("$SQL_DIR"/demo/*.sql)
  prefix=demo:
else
  files=("$SQL_DIR"/[0-9][0-9][0-9]_*.sql)
  prefix=
  # Two files with one number would apply in an order nobody chose.
  dup=$(for f in "${files[@]}"; do basename "$f" | cut -c1-3; done | uniq -d)
  [[ -z $dup ]] || die "two migrations share the number $dup in $SQL_DIR"
fi

count=0
for f in "${files[@]}"; do
  version=$prefix$(basename "$f" .sql)
  [[ $version =~ ^[A-Za-z0-9_.:-]{1,64}$ ]] || die "migration name '$version' must be letters, digits, _ . - (64 at most)"
  grep -qxF -- "$version" <<<"$applied" && continue
  printf '  migration %s\n' "$version"
  # One client session: the file, then its record. Without --force the client
  # stops at the first error, so the record is written only when every
  # statement succeeded. (DDL commits by itself in MariaDB: a file that
  # fails half-way may leave its first statements applied.)
  if ! { cat "$f"; printf '\n;\nINSERT INTO schema_migrations (version, applied_at) VALUES ('"'%s'"', NOW());\n' "$version"; } |
    db "$DB"; then
    die "migration $f failed (see the message above); fix it and start again"
  fi
  count=$((count + 1))
done
if ((count)); then
  printf '  %d migration(s) applied\n' "$count"
fi
exit 0
