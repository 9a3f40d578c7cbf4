#!/usr/bin/env bash
# bench/gen_returns.sh — fills a database with a year of made-up returns (退换货) for load tests.
#
# Usage: bench/gen_returns.sh SOCKET [COUNT] [DATABASE]
#   SOCKET    the stack's MariaDB unix socket: var/run/mysqld.sock for ./run.sh
#             ($AS_VAR/run/mysqld.sock; `scripts/stack.sh status` prints it)
#   COUNT     returns to add (default 200000)
#   DATABASE  default aftersales; it must have the sql/ migrations applied
# Environment:
#   DB_USER      default: the OS user (root as root), as scripts/stack.sh connects
#   AS_TIMEZONE  the site's offset ([site] timezone of the config), default +08:00
#
# Built like gen_repairs.sh, on the same bench/gen_common.sh: INSERT ... SELECT from the Sequence
# engine, 100000 rows a statement, all keys enabled, values from CRC32 of the row number, so the
# same COUNT on the same database gives the same data.
#
# What it makes:
#   - the 20000 customers of gen_repairs.sh (made here when missing; shared when both run);
#   - COUNT returns created over the 365 days before today (never today), fewer on weekends,
#     08:00-22:00; kinds return, exchange, refund; channels mostly web; JD, Tmall and store order
#     numbers; purchases mostly within 15 days; paid amounts in cents (¥499.00 to ¥6,399.00);
#     statuses weighted toward the finished ones for old requests and the open ones for the last
#     three days, every status of the flow, a return or refund ending refunded (a tenth partly,
#     with a reason), an exchange exchanged; the dates, logistics numbers, inspection results and
#     refund references of the steps each went through; the decisions and inspections by the
#     first active supervisor and technician (NULL when there is none);
#   - the answer due 24 hours after the request while requested, the refund 48 hours after the
#     inspection while inspected (so open old ones are overdue, as on a neglected desk);
#   - public numbers "T" + the creation date + "-" + a suffix per day from 5000 upward, above
#     every number that day already has and above its daily_counters row, raised to the last one
#     used, as gen_repairs.sh does for "R";
#   - no events (timeline), and converted returns point at no repair.
set -euo pipefail
GEN=returns GEN_KIND=T GEN_HASH=t GEN_DEFAULT=200000 GEN_HELP=11
# shellcheck source=bench/gen_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/gen_common.sh"

FAULT_REASONS="'开机后屏幕闪烁，重启无改善','不制冷，压缩机不启动','运行时噪音很大','漏水，地面有积水','无法开机，指示灯不亮',\
'显示故障代码 E4','加热很慢，水温上不去','遥控器和面板按键都没有反应','有焦糊味','一开机就跳闸','脱水时剧烈晃动',\
'收到时外壳破裂'"
NFAULT_REASONS=12
NOFAULT_REASONS="'七天无理由退货，商品未拆封','买错型号','颜色与家里装修不搭','家里已有同款，重复购买','尺寸放不进预留位置',\
'降价了，申请退差价不成改为退货'"
NNOFAULT_REASONS=6
REJECTIONS="'已超过 7 日无理由退货期限，商品无性能故障','已超过 15 日换货期，可申请保修维修','商品已安装使用，影响二次销售',\
'检测无故障，且已超过无理由退货期限','缺少购买凭证，无法核实购买日期'"
NREJECTIONS=5
CONDITIONS="'包装完好，配件齐全','外包装破损，机器完好','缺少遥控器','机身有轻微划痕，客户确认为运输所致','包装缺失，配件齐全'"
NCONDITIONS=5
INSPECTIONS="'主板故障，确认为性能故障','压缩机异响，超出标准噪音值','进水阀密封不良导致漏水','屏幕背光驱动故障',\
'电源模块损坏，无法开机','按键排线接触不良'"
NINSPECTIONS=6
CANCELS="'客户与商家协商后决定保留商品','客户自行解决','重复申请','联系不上客户','客户改为申请维修'"
NCANCELS=5

gen_start
echo "decisions by supervisor id $(sql <<<"SELECT COALESCE(MIN(id), 'none') FROM users WHERE role = 'supervisor' AND active = 1"),\
 inspections by technician id $(sql <<<"SELECT COALESCE(MIN(id), 'none') FROM users WHERE role = 'technician' AND active = 1")"

# returns_batch FROM TO: the SQL of returns FROM..TO (row numbers).
returns_batch() {
  cat <<SQL
CREATE OR REPLACE TEMPORARY TABLE gen_batch ENGINE=InnoDB AS
SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.day ORDER BY c.created_at, c.seq) AS rn,
       -- the steps it went through: decision, goods back, inspection, refund or exchange, closing
       c.status NOT IN ('requested', 'rejected') AND NOT (c.status = 'cancelled' AND c.h6 % 2 = 0) AS approved,
       c.status IN ('received', 'inspected', 'refunded', 'exchanged', 'closed', 'converted') AS received,
       c.status IN ('inspected', 'refunded', 'exchanged', 'closed', 'converted') AS inspected,
       c.status = 'refunded' OR (c.status = 'closed' AND c.kind <> 'exchange') AS refunded,
       c.status = 'exchanged' OR (c.status = 'closed' AND c.kind = 'exchange') AS exchanged,
       -- hours from the request to each step, one after the other, none later than now
       LEAST(NOW(), c.created_at + INTERVAL c.o1 HOUR) AS decided_at,
       LEAST(NOW(), c.created_at + INTERVAL (c.o1 + c.o2) HOUR) AS received_at,
       LEAST(NOW(), c.created_at + INTERVAL (c.o1 + c.o2 + c.o3) HOUR) AS inspected_at,
       LEAST(NOW(), c.created_at + INTERVAL (c.o1 + c.o2 + c.o3 + c.o4) HOUR) AS done_at,
       LEAST(NOW(), c.created_at + INTERVAL (c.o1 + c.o2 + c.o3 + c.o4 + c.o5) HOUR) AS closed_at
FROM (
  SELECT b.*, TIMESTAMP(b.day, SEC_TO_TIME(8 * 3600 + b.h3 % (14 * 3600))) AS created_at,
         1 + b.h6 % 30 AS o1, 12 + (b.h6 DIV 30) % 60 AS o2, 2 + b.h7 % 40 AS o3, 1 + (b.h7 DIV 40) % 40 AS o4,
         24 + b.h8 % 120 AS o5,
         CASE
           WHEN b.u < 8 THEN 'requested' WHEN b.u < 14 THEN 'approved' WHEN b.u < 19 THEN 'received'
           WHEN b.u < 24 THEN 'inspected' WHEN b.u < 32 THEN IF(b.kind = 'exchange', 'exchanged', 'refunded')
           WHEN b.u < 42 THEN 'rejected' WHEN b.u < 88 THEN 'closed' WHEN b.u < 92 THEN 'converted'
           ELSE 'cancelled' END AS status
  FROM (
    SELECT a.*, $(day_sql a.h1 a.h2) AS day,
           ELT(1 + ((a.h6 DIV 7) % 20 >= 9) + ((a.h6 DIV 7) % 20 >= 16), 'return', 'exchange', 'refund') AS kind,
           -- status draw 0..99: a request older than a month is rarely still open, one of the last
           -- three days mostly is
           CASE WHEN a.age > 30 AND a.h4 % 100 < 32 AND a.h5 % 10 < 9 THEN 32 + a.h4 % 68
                WHEN a.age <= 3 AND a.h4 % 100 >= 24 AND a.h5 % 10 < 6 THEN a.h4 % 24
                ELSE a.h4 % 100 END AS u
    FROM (SELECT s.*, 1 + s.h1 % $DAYS AS age FROM (SELECT $(hashes 8) FROM seq_$1_to_$2) s) a
  ) b
) c;
INSERT INTO returns (public_no, customer_id, channel, contact_name, contact_phone, address, order_no, product,
  serial_no, purchase_date, bought_online, has_fault, amount_paid, kind, reason, status, due_at, decision_note,
  decided_by, decided_at, received_condition, inbound_logistics, received_at, inspection, inspection_notes,
  inspected_by, inspected_at, refund_amount, refund_method, refund_reference, refund_note, refunded_at,
  replacement_product, replacement_serial, outbound_logistics, exchanged_at, cancel_reason, created_at,
  updated_at, closed_at, version)
SELECT CONCAT('T', DATE_FORMAT(x.day, '%Y%m%d'), '-', x.last + x.rn), x.customer_id, x.channel,
  x.contact_name, x.contact_phone, x.address,
  CASE x.shop
    WHEN 0 THEN CONCAT(2 + x.h3 % 8, LPAD(x.h4 % 100000000000, 11, '0'))
    WHEN 1 THEN CONCAT('35', LPAD(x.h4, 10, '0'), LPAD(x.h5 % 10000000, 7, '0'))
    ELSE CONCAT('MD', DATE_FORMAT(x.purchase_date, '%Y%m%d'), '-', LPAD(x.h6 % 10000, 4, '0')) END,
  x.product, x.serial_no, x.purchase_date, IF(x.h7 % 20 = 0, NULL, x.shop < 2), x.fault, x.paid, x.kind,
  IF(x.fault, ELT(1 + x.h5 % $NFAULT_REASONS, $FAULT_REASONS), ELT(1 + x.h5 % $NNOFAULT_REASONS, $NOFAULT_REASONS)),
  x.status,
  CASE x.status WHEN 'requested' THEN x.created_at + INTERVAL 24 HOUR
                WHEN 'inspected' THEN x.inspected_at + INTERVAL 48 HOUR END,
  CASE WHEN x.status = 'rejected' THEN ELT(1 + x.h8 % $NREJECTIONS, $REJECTIONS)
       WHEN x.approved THEN IF(x.fault, '性能故障，符合三包规定', '网购 7 日无理由退货') ELSE '' END,
  IF(x.approved OR x.status = 'rejected', @sup, NULL), IF(x.approved OR x.status = 'rejected', x.decided_at, NULL),
  IF(x.received, ELT(1 + x.h2 % $NCONDITIONS, $CONDITIONS), ''),
  IF(x.received AND x.channel <> 'counter',
     CONCAT(ELT(1 + x.h3 % 3, 'SF', 'YT', 'ZTO'), LPAD(x.h2 % 1000000000000, 12, '0')), ''),
  IF(x.received, x.received_at, NULL),
  IF(x.inspected, IF(NOT x.fault, 'no_fault', IF(x.h6 % 20 = 0, 'user_damage', 'fault_confirmed')), NULL),
  IF(x.inspected, IF(x.fault, ELT(1 + x.h7 % $NINSPECTIONS, $INSPECTIONS), '外观及配件完好，未使用'), ''),
  IF(x.inspected, @tech, NULL), IF(x.inspected, x.inspected_at, NULL),
  IF(x.refunded, IF(x.partial, x.paid - (1 + x.h8 DIV 10 % 20) * 1000, x.paid), NULL),
  IF(x.refunded, ELT(1 + x.h6 % 8, 'original', 'original', 'original', 'original', 'wechat', 'alipay', 'bank', 'cash'), NULL),
  IF(x.refunded, CONCAT('RF', DATE_FORMAT(x.done_at, '%Y%m%d'), LPAD(x.h3 % 1000000, 6, '0')), ''),
  IF(x.refunded AND x.partial, ELT(1 + x.h8 % 3, '赠品未退回，扣除赠品价值', '包装缺失，扣除包装费', '配件缺失，扣除配件费'), ''),
  IF(x.refunded, x.done_at, NULL),
  IF(x.exchanged, x.product, ''), IF(x.exchanged, CONCAT(x.serial_no, 'X'), ''),
  IF(x.exchanged AND x.channel <> 'counter', CONCAT('SF', LPAD(x.h4 % 1000000000000, 12, '0')), ''),
  IF(x.exchanged, x.done_at, NULL),
  IF(x.status = 'cancelled', ELT(1 + x.h8 % $NCANCELS, $CANCELS), ''),
  x.created_at,
  CASE WHEN x.status = 'closed' THEN x.closed_at WHEN x.refunded OR x.exchanged OR x.status = 'converted' THEN x.done_at
       WHEN x.inspected THEN x.inspected_at WHEN x.received THEN x.received_at
       WHEN x.status = 'requested' THEN x.created_at ELSE x.decided_at END,
  IF(x.status = 'closed', x.closed_at, NULL),
  1 + (x.status <> 'requested') + x.received + x.inspected + (x.refunded OR x.exchanged OR x.status = 'converted')
    + (x.status = 'closed') + (x.status = 'cancelled' AND x.approved)
FROM (
  SELECT g.*, d.last, c.id AS customer_id, c.name AS contact_name, c.phone AS contact_phone, c.address,
         ELT(1 + g.h2 % 10, 'web', 'web', 'web', 'web', 'web', 'web', 'web', 'phone', 'phone', 'counter') AS channel,
         IF(g.h2 % 10 = 9, 2, g.h8 % 3) AS shop, -- 0 JD, 1 Tmall, 2 a store
         ELT(1 + g.h5 % $NPRODUCTS, $PRODUCTS) AS product,
         CONCAT('SN', UPPER(HEX(g.h3)), LPAD(g.seq % 10000, 4, '0')) AS serial_no,
         g.day - INTERVAL CASE WHEN g.h7 % 100 < 55 THEN (g.h7 DIV 100) % 8
                              WHEN g.h7 % 100 < 80 THEN 8 + (g.h7 DIV 100) % 8
                              ELSE 16 + (g.h7 DIV 100) % 400 END DAY AS purchase_date,
         g.h6 % 10 < 7 AS fault,
         (5 + g.h5 % 60) * 10000 - 100 AS paid,
         g.h8 % 10 = 0 AS partial
  FROM gen_batch g
  JOIN gen_days d ON d.day = g.day
  JOIN gen_cust c ON c.n = 1 + (g.h8 DIV 4096) % $NCUST
) x;
SQL
}

gen_run returns_batch "SET @sup = (SELECT MIN(id) FROM users WHERE role = 'supervisor' AND active = 1);
SET @tech = (SELECT MIN(id) FROM users WHERE role = 'technician' AND active = 1);"
