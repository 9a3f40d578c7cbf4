#!/usr/bin/env bash
# bench/gen_roster.sh — a duty roster for load tests: staff, shift types and a filled month.
#
# Usage: bench/gen_roster.sh SOCKET [STAFF] [DATABASE]
#   SOCKET    the stack's MariaDB unix socket ($AS_VAR/run/mysqld.sock)
#   STAFF     people on the roster (default 60): a tenth supervisors, the rest agents and technicians
#   DATABASE  default aftersales, with the sql/ migrations applied
# Environment: DB_USER, AS_TIMEZONE as for gen_repairs.sh.
#
# What it makes (again on a second run, nothing twice): accounts bench_roster_NNN (they cannot
# log in), the shift types 早班 07:00–15:00, 中班 15:00–23:00, 夜班 23:00–次日 07:00 (agents and
# technicians, two people each) and 总值班 08:00–20:00 (a supervisor, the duty officer), and the
# current month: everyone but the supervisors on the rotation 早-早-中-中-夜-夜-休-休 (each person
# starting on another day of it), the supervisors on 总值班 every third day.
set -euo pipefail
GEN=roster GEN_KIND='' GEN_HASH=s GEN_DEFAULT=60 GEN_HELP=8
# shellcheck source=bench/gen_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/gen_common.sh"
STAFF=$COUNT
MONTH_FIRST=$(sql <<<"SELECT DATE_FORMAT(DATE'$TODAY', '%Y-%m-01')")

sql <<SQL
INSERT IGNORE INTO users (username, display_name, role, password_hash, active, created_at)
SELECT CONCAT('bench_roster_', LPAD(seq, 3, '0')), CONCAT('值班员', LPAD(seq, 3, '0')),
  IF(seq % 10 = 0, 'supervisor', IF(seq % 3 = 0, 'technician', 'agent')), '!', 1, NOW()
FROM seq_1_to_$STAFF;

INSERT IGNORE INTO shift_types (name, start_min, end_min, roles, min_staff, duty_officer, color) VALUES
  ('早班', 420, 900, 'agent,technician', 2, 0, '#2e7d32'),
  ('中班', 900, 1380, 'agent,technician', 2, 0, '#f9a825'),
  ('夜班', 1380, 420, 'agent,technician', 2, 0, '#283593'),
  ('总值班', 480, 1200, 'supervisor', 1, 1, '#c62828');

INSERT IGNORE INTO roster (user_id, day, shift_type_id, created_at)
SELECT u.id, DATE'$MONTH_FIRST' + INTERVAL (d.seq - 1) DAY, t.id, NOW()
FROM users u JOIN seq_1_to_31 d ON d.seq <= DAY(LAST_DAY(DATE'$MONTH_FIRST'))
JOIN shift_types t ON t.name = ELT(1 + (d.seq + u.id) % 8, '早班', '早班', '中班', '中班', '夜班', '夜班', '-', '-')
WHERE u.username LIKE 'bench\_roster\_%' AND u.role <> 'supervisor';

INSERT IGNORE INTO roster (user_id, day, shift_type_id, created_at)
SELECT u.id, DATE'$MONTH_FIRST' + INTERVAL (d.seq - 1) DAY, t.id, NOW()
FROM users u JOIN seq_1_to_31 d ON d.seq <= DAY(LAST_DAY(DATE'$MONTH_FIRST'))
JOIN shift_types t ON t.name = '总值班'
WHERE u.username LIKE 'bench\_roster\_%' AND u.role = 'supervisor' AND (d.seq + u.id) % 3 = 0;
SQL
echo "roster of $(sql <<<"SELECT DATE_FORMAT(DATE'$MONTH_FIRST', '%Y-%m')"): $(sql <<<"SELECT COUNT(DISTINCT user_id), COUNT(*) FROM roster WHERE day >= DATE'$MONTH_FIRST' AND day <= LAST_DAY(DATE'$MONTH_FIRST')" | awk '{print $1 " people, " $2 " shifts"}')"
