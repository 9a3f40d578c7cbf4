#!/usr/bin/env bash
# bench/gen_repairs.sh — fills a database with a year of made-up repairs for load tests.
#
# Usage: bench/gen_repairs.sh SOCKET [COUNT] [DATABASE]
#   SOCKET    the stack's MariaDB unix socket: var/run/mysqld.sock for ./run.sh
#             ($AS_VAR/run/mysqld.sock; `scripts/stack.sh status` prints it)
#   COUNT     repairs to add (default 1000000)
#   DATABASE  default aftersales; it must have the sql/ migrations applied
# Environment:
#   DB_USER      default: the OS user (root as root), as scripts/stack.sh connects
#   AS_TIMEZONE  the site's offset ([site] timezone of the config), default +08:00
#
# Needs only Debian's mariadb client and a MariaDB server (its Sequence engine: seq_1_to_N).
# Everything is generated in SQL with INSERT ... SELECT, 100000 rows a statement, with all keys
# enabled, so the indexes are what a real year of data would give. Values are derived from
# CRC32 of the row number (counted on from the repairs already there), so the same COUNT on the
# same database gives the same data.
#
# What it makes:
#   - 20000 customers (once; a second run reuses them; marked notes = 'gen:bench') with common
#     Chinese names, 11-digit mobile numbers and addresses in big cities;
#   - COUNT repairs created over the 365 days before today (never today), about half as many on
#     weekend days, 08:00-22:00; status weighted toward closed (older than a month: nearly all
#     finished; the last three days: mostly open); priorities, channels, products, warranty,
#     visits, costs, labour; repairs from "assigned" on go to the active technicians (none:
#     assignee stays NULL).
#   - Public numbers "R" + the creation date + "-" + a suffix per day from 5000 upward, above
#     every number that day already has (demo data, earlier runs) and above its daily_counters
#     row, so they match ^R\d{8}-\d{4,}$ and never meet another number; the program's own
#     numbers count from 1 per day and only ever number today, which gets no generated rows.
#     A suffix takes as many digits as it needs. daily_counters of the generated days are
#     raised to the last number used. Before writing anything, the script counts what each
#     day will get and refuses a COUNT whose numbers would not fit the repairs.public_no column.
#   - No events (timeline) and no callbacks are generated.
set -euo pipefail
GEN=repairs GEN_KIND=R GEN_HASH=r GEN_DEFAULT=1000000 GEN_HELP=11
# shellcheck source=bench/gen_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/gen_common.sh"

FAULTS="'不制冷，开机后只吹自然风','漏水，地面有积水','运行时噪音很大','无法开机，指示灯不亮','显示故障代码E4',\
'加热很慢，水温上不去','遥控器失灵，面板按键无反应','有异味','一开机就跳闸','排水不畅，洗完衣服还有水',\
'屏幕有竖线，偶尔黑屏','吸力明显变小','点火困难','出水量很小，滤芯提示更换','门封条老化，密封不严','转盘不转'"
NFAULTS=16
PREFERRED="'','','工作日上午','工作日下午','周末全天','晚上7点后','尽快','下午3点以后'"
NPREFERRED=8
RESULTS="'更换压缩机启动电容，试机正常','更换排水泵，清理管路','紧固风扇，加装减震垫','更换主板，试机正常',\
'清洗滤网和蒸发器，加注冷媒','更换加热管','更换遥控器接收板','清洗内部，消毒除味','更换门封条','重新安装调试'"
NRESULTS=10
PARTS="'','启动电容 x1','排水泵 x1','主板 x1','加热管 x1','门封条 x1','冷媒 500g','滤芯 x2','风扇电机 x1','接收板 x1'"
NPARTS=10
CANCELS="'客户自行解决','客户取消报修','重复报修','联系不上客户','客户选择到店维修'"
NCANCELS=5

gen_start
NTECH=$(sql <<<"SELECT COUNT(*) FROM users WHERE role = 'technician' AND active = 1")
read -r FC_FIRST FC_COUNT < <(sql <<<"SELECT MIN(id), COUNT(*) FROM fault_categories")
echo "technicians: $NTECH$( ((NTECH)) || echo ' (repairs stay unassigned)')"

# repairs_batch FROM TO: the SQL of repairs FROM..TO (row numbers).
repairs_batch() {
  cat <<SQL
CREATE OR REPLACE TEMPORARY TABLE gen_batch ENGINE=InnoDB AS
SELECT v.*,
       -- finished work was done by now: its visit moves back to leave time for it
       IF(v.status IN ('resolved', 'closed'),
          GREATEST(v.created_at + INTERVAL 1 HOUR, LEAST(v.visit1, NOW() - INTERVAL (v.work_hours + 3) HOUR)),
          v.visit1) AS visit0
FROM (
SELECT g.*, ROW_NUMBER() OVER (PARTITION BY g.day ORDER BY g.created_at, g.seq) AS rn,
       -- the visit: 1-3 days later, on the hour between 09:00 and 17:00
       TIMESTAMP(DATE(g.created_at) + INTERVAL (1 + g.h7 % 3) DAY, SEC_TO_TIME((9 + (g.h7 DIV 3) % 9) * 3600)) AS visit1,
       (1 + g.h5 % 6) + 24 * ((g.h5 DIV 6) % 3) AS work_hours
FROM (
  SELECT b.*,
         TIMESTAMP(b.day, SEC_TO_TIME(8 * 3600 + b.h3 % (14 * 3600))) AS created_at,
         CASE
           WHEN b.u < 3 THEN 'new' WHEN b.u < 6 THEN 'accepted' WHEN b.u < 10 THEN 'assigned'
           WHEN b.u < 16 THEN 'in_progress' WHEN b.u < 20 THEN 'waiting_parts' WHEN b.u < 27 THEN 'resolved'
           WHEN b.u < 33 THEN 'cancelled' ELSE 'closed' END AS status
  FROM (
    SELECT a.*,
           $(day_sql a.h1 a.h2) AS day,
           -- status draw 0..99: a repair older than a month is rarely still open or unclosed, one
           -- of the last three days is mostly still open
           CASE WHEN a.age > 30 AND a.h4 % 100 < 27 AND a.h5 % 10 < 9 THEN 33 + a.h4 % 67
                WHEN a.age <= 3 AND a.h4 % 100 >= 20 AND a.h5 % 10 < 6 THEN a.h4 % 20
                ELSE a.h4 % 100 END AS u
    FROM (
      SELECT s.*, 1 + s.h1 % $DAYS AS age
      FROM (SELECT $(hashes 8) FROM seq_$1_to_$2) s
    ) a
  ) b
) g
) v;
INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, address, product, model, serial_no,
  purchase_date, warranty_until, fault, preferred_time, status, priority, assignee_id, visit_at, due_at,
  result, parts_used, labour_cost, parts_cost, warranty_repair, fault_category_id, labour_minutes, cancel_reason,
  created_by, created_at, updated_at, resolved_at, resolve_minutes, resolved_on_time, closed_at, version)
SELECT x.public_no, x.customer_id, x.channel, x.contact_name, x.contact_phone, x.address, x.product, x.model, x.serial_no,
  x.purchase_date, x.warranty_until, x.fault, x.preferred_time, x.status, x.priority, x.assignee_id, x.visit_at, x.due_at,
  IF(x.done, ELT(1 + x.h6 % $NRESULTS, $RESULTS), ''),
  IF(x.done, ELT(1 + x.h7 % $NPARTS, $PARTS), ''),
  IF(x.done, IF(x.in_warranty, 0, 50 + (x.h6 % 16) * 10), NULL),
  IF(x.done, IF(x.in_warranty OR x.h7 % $NPARTS = 0, 0, 20 + (x.h7 % 400)), NULL),
  IF(x.done, x.in_warranty, NULL),
  IF(x.done, $FC_FIRST + (x.h4 DIV 7) % $FC_COUNT, NULL),
  IF(x.done, 30 + (x.h8 % 12) * 15, IF(x.status IN ('in_progress', 'waiting_parts'), (x.h8 % 4) * 30, 0)),
  IF(x.status = 'cancelled', ELT(1 + x.h6 % $NCANCELS, $CANCELS), ''),
  NULL, x.created_at,
  LEAST(NOW(), COALESCE(x.closed_at, x.resolved_at, IF(x.status = 'new', x.created_at, x.created_at + INTERVAL (1 + x.h6 % 48) HOUR))),
  x.resolved_at,
  -- working time, roughly: 9 working hours in a day of 24
  IF(x.done, GREATEST(0, TIMESTAMPDIFF(MINUTE, x.created_at, x.resolved_at) * 9 DIV 24), NULL),
  IF(x.done, x.resolved_at <= x.due_at, NULL),
  x.closed_at, 1 + IF(x.status = 'new', 0, 1 + x.h6 % 5)
FROM (
  SELECT g.*,
         CONCAT('R', DATE_FORMAT(g.day, '%Y%m%d'), '-', d.last + g.rn) AS public_no, -- 5000 upward
         c.id AS customer_id, c.name AS contact_name, c.phone AS contact_phone, c.address,
         ELT(1 + g.h2 % 10, 'web', 'web', 'web', 'web', 'web', 'web', 'phone', 'phone', 'phone', 'counter') AS channel,
         ELT(1 + g.h5 % $NPRODUCTS, $PRODUCTS) AS product,
         CONCAT(ELT(1 + g.h5 % $NPRODUCTS, $MODEL_PREFIXES), 100 + (g.h6 DIV 7) % 900) AS model,
         IF(g.h7 % 10 < 2, '', CONCAT('SN', UPPER(HEX(g.h3)), LPAD(g.seq % 10000, 4, '0'))) AS serial_no,
         IF(g.h7 % 10 = 9, NULL, g.day - INTERVAL (20 + (g.h6 DIV 100) % 1500) DAY) AS purchase_date,
         IF(g.h7 % 10 = 9, NULL, g.day - INTERVAL (20 + (g.h6 DIV 100) % 1500) DAY
            + INTERVAL IF(g.h5 % $NPRODUCTS IN (0, 1, 3), 36, 12) MONTH) AS warranty_until,
         g.h7 % 10 <> 9 AND (g.day - INTERVAL (20 + (g.h6 DIV 100) % 1500) DAY
            + INTERVAL IF(g.h5 % $NPRODUCTS IN (0, 1, 3), 36, 12) MONTH) >= g.day AS in_warranty,
         ELT(1 + (g.h4 DIV 100) % $NFAULTS, $FAULTS) AS fault,
         ELT(1 + g.h3 % $NPREFERRED, $PREFERRED) AS preferred_time,
         ELT(1 + g.h6 % 100 DIV 15 MOD 7, 'low', 'normal', 'normal', 'normal', 'normal', 'high', 'urgent') AS priority,
         IF(g.status IN ('new', 'accepted') OR (g.status = 'cancelled' AND g.h6 % 2 = 0), NULL, t.id) AS assignee_id,
         IF(g.status IN ('new', 'accepted', 'cancelled'), NULL, g.visit0) AS visit_at,
         -- roughly the business-hours time limit of the priority: 72, 24, 8, 4 hours
         g.created_at + INTERVAL ELT(1 + g.h6 % 100 DIV 15 MOD 7, 264, 72, 72, 72, 72, 24, 4) HOUR AS due_at,
         g.status IN ('resolved', 'closed') AS done,
         IF(g.status IN ('resolved', 'closed'),
            LEAST(NOW(), g.visit0 + INTERVAL g.work_hours HOUR), NULL) AS resolved_at,
         IF(g.status = 'closed',
            LEAST(NOW(), g.visit0 + INTERVAL (g.work_hours + 2 + (g.h8 DIV 16) % 70) HOUR), NULL) AS closed_at
  FROM gen_batch g
  JOIN gen_days d ON d.day = g.day
  JOIN gen_cust c ON c.n = 1 + (g.h8 DIV 4096) % $NCUST
  LEFT JOIN gen_tech t ON t.n = 1 + (g.h3 DIV 7) % $((NTECH > 0 ? NTECH : 1))
) x;
SQL
}

gen_run repairs_batch "CREATE TEMPORARY TABLE gen_tech (n INT PRIMARY KEY, id BIGINT UNSIGNED)
  SELECT ROW_NUMBER() OVER (ORDER BY id) AS n, id FROM users WHERE role = 'technician' AND active = 1;"
