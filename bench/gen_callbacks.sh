#!/usr/bin/env bash
# bench/gen_callbacks.sh — fills a database with made-up callbacks (回访) and their ratings for load tests.
#
# Usage: bench/gen_callbacks.sh SOCKET [COUNT] [DATABASE]
#   SOCKET    the stack's MariaDB unix socket: var/run/mysqld.sock for ./run.sh
#             ($AS_VAR/run/mysqld.sock; `scripts/stack.sh status` prints it)
#   COUNT     callbacks to add (default 500000)
#   DATABASE  default aftersales; it must have the sql/ migrations applied, and finished repairs
#             or returns to call about: run gen_repairs.sh (and gen_returns.sh) first
# Environment:
#   DB_USER      default: the OS user (root as root), as scripts/stack.sh connects
#   AS_TIMEZONE  the site's offset ([site] timezone of the config), default +08:00
#
# Built like gen_repairs.sh, on the same bench/gen_common.sh: INSERT ... SELECT from the Sequence
# engine, 100000 rows a statement, all keys enabled, values from CRC32 of the row number.
#
# What it makes:
#   - one callback per finished repair (resolved, closed) and return (refunded, exchanged, closed)
#     that has none yet and no rating, the most recently finished first, reason resolved, refunded
#     or exchanged, attributed to the job's technician (the assignee, the inspector) and agent (who
#     took it in, else the first active agent); when COUNT is larger, further rounds over the same
#     requests as bulk callbacks (定期回访);
#   - due two days after the job; one not due yet stays due; of the ones due in the last three
#     days most are still open, of older ones a few (overdue, as on a neglected desk); open ones
#     are due (some after one or two unanswered calls) or taken by the first active agent; the
#     rest done (reached, answered online, refused, wrong number), unreachable after three calls,
#     or cancelled;
#   - a satisfaction row for each one that reached the customer (by phone) or was answered online
#     (once per request), scores mostly 4 and 5, a few low, the problem mostly solved;
#   - no events (timeline), no complaints, no flagged phones.
set -euo pipefail
GEN=callbacks GEN_KIND='' GEN_HASH=b GEN_DEFAULT=500000 GEN_HELP=12
# shellcheck source=bench/gen_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/gen_common.sh"

for t in repairs returns satisfaction; do
  [[ $(sql <<<"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '$t'") == 1 ]] ||
    { echo "table $t missing in $DATABASE: apply the sql/ migrations first" >&2; exit 1; }
done
FINISHED=$(sql <<<"SELECT (SELECT COUNT(*) FROM repairs WHERE status IN ('resolved', 'closed'))
  + (SELECT COUNT(*) FROM returns WHERE status IN ('refunded', 'exchanged', 'closed'))")
((FINISHED > 0)) || { echo "no finished repairs or returns to call about: run bench/gen_repairs.sh first" >&2; exit 1; }

gen_start
echo "about $FINISHED finished requests; calls by agent id $(sql <<<"SELECT COALESCE(MIN(id), 'none') FROM users WHERE role = 'agent' AND active = 1")"

# A score, mostly 5 and 4: 5 - (0, 1, 2, 3, 4) with falling chances, from a hash.
score() { printf '5 - (%s %% 100 >= 55) - (%s %% 100 >= 82) - (%s %% 100 >= 93) - (%s %% 100 >= 98)' "$1" "$1" "$1" "$1"; }

# The requests called about, numbered n, the most recently finished first: the pool every batch
# draws from (callback j is about request 1 + (j - 1) % @npool, in round (j - 1) DIV @npool).
POOL_SQL="SET @agent = (SELECT MIN(id) FROM users WHERE role = 'agent' AND active = 1);
CREATE TEMPORARY TABLE gen_pool (n INT PRIMARY KEY, subject VARCHAR(8), subject_id BIGINT UNSIGNED,
  customer_id BIGINT UNSIGNED, reason VARCHAR(12), finished_at DATETIME, technician_id BIGINT UNSIGNED,
  agent_id BIGINT UNSIGNED) ENGINE=InnoDB
SELECT ROW_NUMBER() OVER (ORDER BY s.finished_at DESC, s.subject, s.subject_id) AS n, s.*
FROM (SELECT 'repair' AS subject, id AS subject_id, customer_id, 'resolved' AS reason,
             COALESCE(resolved_at, updated_at) AS finished_at, assignee_id AS technician_id,
             COALESCE(created_by, @agent) AS agent_id
      FROM repairs WHERE status IN ('resolved', 'closed')
      UNION ALL
      SELECT 'return', id, customer_id, IF(refunded_at IS NULL, 'exchanged', 'refunded'),
             COALESCE(refunded_at, exchanged_at, updated_at), inspected_by, COALESCE(created_by, decided_by, @agent)
      FROM returns WHERE status IN ('refunded', 'exchanged', 'closed')) s
WHERE NOT EXISTS (SELECT 1 FROM callbacks c WHERE c.subject = s.subject AND c.subject_id = s.subject_id)
  AND NOT EXISTS (SELECT 1 FROM satisfaction t WHERE t.subject = s.subject AND t.subject_id = s.subject_id);
SET @npool = (SELECT COUNT(*) FROM gen_pool);
SELECT CONCAT('requests to call about: ', @npool);
-- Stops the run (the client stops at an error) when every finished request has its callback.
CREATE TEMPORARY TABLE gen_pool_check (requests_without_a_callback INT NOT NULL);
INSERT INTO gen_pool_check VALUES (NULLIF(@npool, 0));"

# callbacks_batch FROM TO: the SQL of callbacks FROM..TO (row numbers) and their ratings.
callbacks_batch() {
  cat <<SQL
CREATE OR REPLACE TEMPORARY TABLE gen_batch ENGINE=InnoDB AS
SELECT d.*,
       -- calls made, and how the last one went
       CASE WHEN d.status = 'unreachable' THEN 3 WHEN d.status IN ('cancelled', 'taken') THEN 0
            WHEN d.status = 'due' THEN IF(d.due_at > NOW(), 0, d.h5 % 3)
            WHEN d.outcome = 'answered_online' THEN 0 ELSE 1 + (d.h5 % 10 = 0) END AS attempts,
       IF(d.status = 'done', LEAST(NOW(), IF(d.outcome = 'answered_online', d.created_at + INTERVAL (1 + d.h6 % 40) HOUR,
                                            d.due_at + INTERVAL (d.h6 % 48) HOUR)),
          IF(d.status IN ('unreachable', 'cancelled'), LEAST(NOW(), d.due_at + INTERVAL (24 + d.h6 % 72) HOUR), NULL)) AS done_at
FROM (
  SELECT c.*,
         CASE c.status
           WHEN 'done' THEN CASE WHEN c.h4 % 100 < 70 THEN 'reached'
                                 WHEN c.h4 % 100 < 82 THEN IF(c.round = 0, 'answered_online', 'reached')
                                 WHEN c.h4 % 100 < 88 THEN 'refused' WHEN c.h4 % 100 < 92 THEN 'wrong_number'
                                 ELSE 'reached' END
           WHEN 'unreachable' THEN IF(c.h4 % 2 = 0, 'no_answer', 'busy')
           WHEN 'due' THEN IF(c.due_at > NOW() OR c.h5 % 3 = 0, NULL, IF(c.h4 % 2 = 0, 'no_answer', 'busy'))
         END AS outcome
  FROM (
    SELECT b.*,
           CASE WHEN b.due_at > NOW() THEN 'due'
                WHEN b.u < b.open_pct THEN IF(b.h3 % 10 = 0, 'taken', 'due')
                WHEN b.u < b.open_pct + 8 THEN 'unreachable'
                WHEN b.u < b.open_pct + 10 THEN 'cancelled'
                ELSE 'done' END AS status
    FROM (
      SELECT a.*, a.created_at + INTERVAL 2 DAY + INTERVAL (a.h2 % 600) MINUTE AS due_at,
             -- due in the last three days: mostly still open; older: a few forgotten
             IF(a.created_at + INTERVAL 2 DAY > NOW() - INTERVAL 3 DAY, 60, 3) AS open_pct
      FROM (
        SELECT s.*, p.subject, p.subject_id, p.customer_id, p.technician_id, p.agent_id,
               IF(s.round = 0, p.reason, 'bulk') AS reason,
               IF(s.round = 0, p.finished_at, NOW() - INTERVAL (s.h1 % (365 * 24)) HOUR) AS created_at,
               s.h7 % 100 AS u
        FROM (SELECT $(hashes 8), (seq - $SEQ0 - 1) DIV @npool AS round, 1 + (seq - $SEQ0 - 1) % @npool AS pn
              FROM seq_$1_to_$2) s
        JOIN gen_pool p ON p.n = s.pn
      ) a
    ) b
  ) c
) d;
INSERT INTO callbacks (subject, subject_id, customer_id, reason, status, due_at, attempts, taken_by, taken_at,
  outcome, technician_id, agent_id, done_by, done_at, created_at, updated_at, version)
SELECT g.subject, g.subject_id, g.customer_id, g.reason, g.status,
  -- an unanswered call puts the next one at a later half-day
  IF(g.status = 'due' AND g.attempts > 0, LEAST(NOW() + INTERVAL 1 DAY, g.due_at + INTERVAL (12 * g.attempts) HOUR), g.due_at),
  g.attempts, IF(g.status = 'taken', @agent, NULL), IF(g.status = 'taken', NOW() - INTERVAL (g.h6 % 120) MINUTE, NULL),
  g.outcome, g.technician_id, g.agent_id,
  IF(g.done_at IS NOT NULL AND NOT (g.outcome <=> 'answered_online') AND g.status <> 'cancelled', @agent, NULL),
  g.done_at, g.created_at, COALESCE(g.done_at, g.created_at),
  1 + 2 * g.attempts + (g.status = 'taken') + (g.status IN ('cancelled') OR g.outcome <=> 'answered_online')
FROM gen_batch g ORDER BY g.seq;
-- One statement gave the batch consecutive ids in seq order (innodb_autoinc_lock_mode 0 or 1).
SET @first = LAST_INSERT_ID();
INSERT INTO satisfaction (subject, subject_id, callback_id, source, online_id, attitude, timeliness, quality, overall,
  solved, comment, technician_id, agent_id, recorded_by, created_at)
SELECT g.subject, g.subject_id, @first + g.seq - $1, IF(g.outcome = 'reached', 'phone', 'online'),
  IF(g.outcome = 'reached', NULL, g.subject_id),
  $(score g.h1), $(score g.h2), $(score g.h3), $(score 'g.h1 DIV 100'), g.h8 % 100 >= 7,
  IF(g.h8 % 10 = 0, '师傅很专业，服务态度好', ''), g.technician_id, g.agent_id,
  IF(g.outcome = 'reached', @agent, NULL), g.done_at
FROM gen_batch g WHERE g.outcome IN ('reached', 'answered_online') AND g.status = 'done';
SQL
}

[[ $(sql <<<"SELECT @@innodb_autoinc_lock_mode") != 2 ]] ||
  { echo "innodb_autoinc_lock_mode = 2: a batch's ids may interleave; the ratings could not find their callbacks" >&2; exit 1; }
gen_run callbacks_batch "$POOL_SQL"
sql <<<"SELECT CONCAT('satisfaction now: ', COUNT(*)) FROM satisfaction"
