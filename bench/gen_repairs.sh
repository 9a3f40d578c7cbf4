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

if [[ $# -lt 1 || $# -gt 3 || $1 == -h || $1 == --help ]]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
SOCKET=$1
COUNT=${2:-1000000}
DATABASE=${3:-aftersales}
DB_USER=${DB_USER:-$(id -un)}
TZ_OFFSET=${AS_TIMEZONE:-+08:00}
DAYS=365
BATCH=100000
CUSTOMERS=20000

[[ $COUNT =~ ^[0-9]+$ && $COUNT -ge 1 ]] || { echo "COUNT must be a positive number" >&2; exit 2; }
[[ $DATABASE =~ ^[A-Za-z0-9_]+$ ]] || { echo "bad database name: $DATABASE" >&2; exit 2; }
[[ $TZ_OFFSET =~ ^[+-][0-9]{2}:[0-9]{2}$ ]] || { echo "bad AS_TIMEZONE: $TZ_OFFSET" >&2; exit 2; }
[[ -S $SOCKET ]] || { echo "no socket at $SOCKET" >&2; exit 1; }

# One client for the whole run: temporary tables live in its session.
sql() { mariadb --no-defaults --default-character-set=utf8mb4 -S "$SOCKET" -u"$DB_USER" --batch --skip-column-names "$DATABASE"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

sql <<<"SELECT seq FROM seq_1_to_1" >/dev/null || { echo "the Sequence engine (seq_1_to_N) is missing" >&2; exit 1; }
for t in customers repairs users daily_counters; do
  [[ $(sql <<<"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '$t'") == 1 ]] ||
    { echo "table $t missing in $DATABASE: apply sql/001_init.sql and sql/002_repairs.sql first" >&2; exit 1; }
done

# Today in the site's time zone, as a literal: the SQL below runs faster with constants.
TODAY=$(sql <<<"SET time_zone = '$TZ_OFFSET'; SELECT CURDATE()")
FIRST=$(sql <<<"SELECT DATE'$TODAY' - INTERVAL $((DAYS + 7)) DAY")
# Row numbers continue after the rows already there, so a second run adds different repairs.
SEQ0=$(sql <<<"SELECT COUNT(*) FROM repairs")

# day_sql H1 H2: the day a generated row falls on, from two of its hashes; the room check and
# the batches both use it. Weekends keep about half their share, the rest moves to one of the
# five weekdays before.
day_sql() {
  local d0="(DATE'$TODAY' - INTERVAL (1 + $1 % $DAYS) DAY)"
  printf 'IF(DAYOFWEEK(%s) IN (1, 7) AND %s %% 100 < 45, %s - INTERVAL (IF(DAYOFWEEK(%s) = 1, 2, 1) + (%s DIV 100) %% 5) DAY, %s)' \
    "$d0" "$2" "$d0" "$d0" "$2" "$d0"
}

# The last suffix in use on each day of the window, at least 4999: from the numbers there
# (whatever their width) and from daily_counters. Generated numbers go above it.
LAST_SQL="SELECT w.day, GREATEST(4999, COALESCE(MAX(r.last), 0), COALESCE(MAX(c.last), 0)) AS last
FROM (SELECT DATE'$TODAY' - INTERVAL seq DAY AS day FROM seq_1_to_$((DAYS + 7))) w
LEFT JOIN (SELECT STR_TO_DATE(SUBSTRING(public_no, 2, 8), '%Y%m%d') AS day,
                  MAX(CAST(SUBSTRING(public_no, 11) AS UNSIGNED)) AS last
           FROM repairs WHERE public_no >= 'R${FIRST//-/}' AND public_no < 'R${TODAY//-/}' GROUP BY 1) r ON r.day = w.day
LEFT JOIN daily_counters c ON c.kind = 'R' AND c.day = w.day
GROUP BY w.day"

# Room: "R" + 8 digits + "-" leave width - 10 digits for the suffix. Count exactly what each day
# gets and check the largest number fits before writing anything.
WIDTH=$(sql <<<"SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.columns
  WHERE table_schema = DATABASE() AND table_name = 'repairs' AND column_name = 'public_no'")
DIGITS=$((WIDTH - 10 > 18 ? 18 : WIDTH - 10))
((DIGITS >= 4)) || { echo "repairs.public_no is only $WIDTH characters wide" >&2; exit 1; }
MAXSUF=$((10 ** DIGITS - 1))
read -r top busiest < <(sql <<SQL
SELECT COALESCE(MAX(l.last + n.cnt), 0), COALESCE(MAX(n.cnt), 0)
FROM ($LAST_SQL) l
JOIN (SELECT day, COUNT(*) AS cnt
      FROM (SELECT $(day_sql h1 h2) AS day
            FROM (SELECT CRC32(CONCAT('r1:', seq)) h1, CRC32(CONCAT('r2:', seq)) h2
                  FROM seq_$((SEQ0 + 1))_to_$((SEQ0 + COUNT))) s) t
      GROUP BY day) n ON n.day = l.day;
SQL
)
if ((top > MAXSUF)); then
  echo "too many: the busiest day would reach number $top, but repairs.public_no (VARCHAR($WIDTH)) ends at $MAXSUF" >&2
  exit 1
fi
echo "gen_repairs: at most $busiest a day; the largest suffix will be $top"

START=$(now)
echo "gen_repairs: $COUNT repairs into $DATABASE (batches of $BATCH)"

# Lists the SQL picks from with ELT(1 + hash % n, ...).
SURNAMES="'王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗',\
'郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡',\
'余','杜','叶','程','苏','魏','吕','丁','任','沈','姚','卢','姜','崔','钟','谭','陆','汪','范','金',\
'石','廖','贾','夏','韦','付','方','白','邹','孟','熊','秦','邱','江','尹','薛','闫','段','雷','侯',\
'龙','史','陶','黎','贺','顾','毛','郝','龚','邵','万','钱','严','覃','武','戴','莫','孔','向','欧阳'"
NSURNAMES=100
GIVEN1="'子','梓','浩','宇','欣','思','嘉','俊','文','志','建','国','晓','雨','海','佳','明','春','金','永',\
'玉','秀','天','一','家','鹏','雪','红','立','少'"
NGIVEN1=30
GIVEN2="'伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','霞','平','刚',\
'辉','鑫','华','飞','婷','慧','琳','颖','宁','彬','斌','峰','然','轩','涵','博','阳','萱','怡','晨'"
NGIVEN2=40
MOBILE_PREFIXES="'138','139','135','136','137','150','151','152','158','159','186','187','188','130','131',\
'132','155','156','185','176','133','153','180','181','189','177','199','191','166','198'"
NMOBILE=30
CITIES="'北京市朝阳区','上海市浦东新区','广州市天河区','深圳市南山区','杭州市西湖区','成都市武侯区','武汉市洪山区',\
'南京市鼓楼区','西安市雁塔区','重庆市渝北区','天津市南开区','苏州市工业园区','郑州市金水区','长沙市岳麓区',\
'青岛市市南区','沈阳市和平区','合肥市蜀山区','济南市历下区','福州市鼓楼区','昆明市五华区'"
NCITIES=20
ROADS="'人民路','解放路','中山路','建设路','和平路','新华路','长江路','黄河路','学府路','科技路','滨江大道',\
'世纪大道','文化路','青年路','东风路','光明街'"
NROADS=16
ESTATES="'阳光花园','碧水湾','锦绣华庭','翠湖苑','金色家园','幸福里','书香门第','绿城小区','万科城','新城花园'"
NESTATES=10
PRODUCTS="'空调','冰箱','洗衣机','热水器','电视机','油烟机','燃气灶','净水器','扫地机器人','空气净化器','微波炉','电饭煲'"
MODEL_PREFIXES="'KFR-35GW/','BCD-520W/','XQG100-','JSQ25-','55E','CXW-260-','JZT-','RO-600G/','SR-','KJ500F-','M1-L213','IH-40'"
NPRODUCTS=12
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

# ---- customers (once) --------------------------------------------------------------------
have=$(sql <<<"SELECT COUNT(*) FROM customers WHERE notes = 'gen:bench'")
if (( have < CUSTOMERS )); then
  t0=$(now)
  sql <<SQL
SET time_zone = '$TZ_OFFSET';
INSERT INTO customers (name, phone, email, address, notes, created_at, updated_at)
SELECT name, phone, IF(h3 % 10 < 3, CONCAT('user', seq, '@example.com'), ''),
       CONCAT(ELT(1 + h3 % $NCITIES, $CITIES), ELT(1 + h4 % $NROADS, $ROADS), 1 + h4 % 388, '号',
              ELT(1 + h5 % $NESTATES, $ESTATES), 1 + h5 % 30, '栋', 1 + h3 % 4, '单元', 101 + (h4 % 28) * 100 + h5 % 4, '室'),
       'gen:bench', ts, ts
FROM (
  SELECT seq, h3, h4, h5,
         CONCAT(ELT(1 + FLOOR(POW((h1 % 10000) / 10000, 2) * $NSURNAMES), $SURNAMES),
                IF(h2 % 10 < 7, ELT(1 + (h2 DIV 10) % $NGIVEN1, $GIVEN1), ''),
                ELT(1 + (h2 DIV 1000) % $NGIVEN2, $GIVEN2)) AS name,
         CONCAT(ELT(1 + (h1 DIV 10000) % $NMOBILE, $MOBILE_PREFIXES), LPAD((seq * 48271 + 12345) % 100000000, 8, '0')) AS phone,
         NOW() - INTERVAL 400 DAY + INTERVAL (h5 % (400 * 86400)) SECOND AS ts
  FROM (SELECT seq, CRC32(CONCAT('c1:', seq)) h1, CRC32(CONCAT('c2:', seq)) h2, CRC32(CONCAT('c3:', seq)) h3,
               CRC32(CONCAT('c4:', seq)) h4, CRC32(CONCAT('c5:', seq)) h5
        FROM seq_$((have + 1))_to_$CUSTOMERS) s
) c;
SQL
  echo "customers: $((CUSTOMERS - have)) added in $(secs "$t0" "$(now)") s"
else
  echo "customers: reusing $have"
fi

NCUST=$(sql <<<"SELECT COUNT(*) FROM customers WHERE notes = 'gen:bench'")
NTECH=$(sql <<<"SELECT COUNT(*) FROM users WHERE role = 'technician' AND active = 1")
echo "technicians: $NTECH$( ((NTECH)) || echo ' (repairs stay unassigned)')"

# ---- repairs, in batches -------------------------------------------------------------------
# The batches run in one client session, so the temporary tables of customers, technicians and
# the last number of each day survive between them.
{
  cat <<SQL
SET time_zone = '$TZ_OFFSET';
CREATE TEMPORARY TABLE gen_cust (n INT PRIMARY KEY, id BIGINT UNSIGNED, name VARCHAR(64), phone VARCHAR(24), address VARCHAR(255))
  SELECT ROW_NUMBER() OVER (ORDER BY id) AS n, id, name, phone, address FROM customers WHERE notes = 'gen:bench';
CREATE TEMPORARY TABLE gen_tech (n INT PRIMARY KEY, id BIGINT UNSIGNED)
  SELECT ROW_NUMBER() OVER (ORDER BY id) AS n, id FROM users WHERE role = 'technician' AND active = 1;
-- The last suffix in use on each day of the window: generated numbers go above.
CREATE TEMPORARY TABLE gen_days (day DATE PRIMARY KEY, last BIGINT UNSIGNED NOT NULL) $LAST_SQL;
SQL
  for ((from = 1; from <= COUNT; from += BATCH)); do
    to=$((from + BATCH - 1))
    ((to > COUNT)) && to=$COUNT
    cat <<SQL
SELECT CONCAT('batch ', $from, '-', $to, ' start ', UNIX_TIMESTAMP(NOW(6)));
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
      FROM (SELECT seq, CRC32(CONCAT('r1:', seq)) h1, CRC32(CONCAT('r2:', seq)) h2, CRC32(CONCAT('r3:', seq)) h3,
                   CRC32(CONCAT('r4:', seq)) h4, CRC32(CONCAT('r5:', seq)) h5, CRC32(CONCAT('r6:', seq)) h6,
                   CRC32(CONCAT('r7:', seq)) h7, CRC32(CONCAT('r8:', seq)) h8
            FROM seq_$((SEQ0 + from))_to_$((SEQ0 + to))) s
    ) a
  ) b
) g
) v;
INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, address, product, model, serial_no,
  purchase_date, warranty_until, fault, preferred_time, status, priority, assignee_id, visit_at, due_at,
  result, parts_used, labour_cost, parts_cost, warranty_repair, labour_minutes, cancel_reason, created_by,
  created_at, updated_at, resolved_at, closed_at, version)
SELECT x.public_no, x.customer_id, x.channel, x.contact_name, x.contact_phone, x.address, x.product, x.model, x.serial_no,
  x.purchase_date, x.warranty_until, x.fault, x.preferred_time, x.status, x.priority, x.assignee_id, x.visit_at, x.due_at,
  IF(x.done, ELT(1 + x.h6 % $NRESULTS, $RESULTS), ''),
  IF(x.done, ELT(1 + x.h7 % $NPARTS, $PARTS), ''),
  IF(x.done, IF(x.in_warranty, 0, 50 + (x.h6 % 16) * 10), NULL),
  IF(x.done, IF(x.in_warranty OR x.h7 % $NPARTS = 0, 0, 20 + (x.h7 % 400)), NULL),
  IF(x.done, x.in_warranty, NULL),
  IF(x.done, 30 + (x.h8 % 12) * 15, IF(x.status IN ('in_progress', 'waiting_parts'), (x.h8 % 4) * 30, 0)),
  IF(x.status = 'cancelled', ELT(1 + x.h6 % $NCANCELS, $CANCELS), ''),
  NULL, x.created_at,
  LEAST(NOW(), COALESCE(x.closed_at, x.resolved_at, IF(x.status = 'new', x.created_at, x.created_at + INTERVAL (1 + x.h6 % 48) HOUR))),
  x.resolved_at, x.closed_at, 1 + IF(x.status = 'new', 0, 1 + x.h6 % 5)
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
UPDATE gen_days d JOIN (SELECT day, COUNT(*) AS n FROM gen_batch GROUP BY day) b ON b.day = d.day SET d.last = d.last + b.n;
SELECT CONCAT('batch ', $from, '-', $to, ' end ', UNIX_TIMESTAMP(NOW(6)));
SQL
  done
  cat <<SQL
DROP TEMPORARY TABLE gen_batch;
INSERT INTO daily_counters (kind, day, last) SELECT 'R', day, last FROM gen_days WHERE last > 4999
  ON DUPLICATE KEY UPDATE last = GREATEST(daily_counters.last, VALUES(last));
SQL
} | sql | awk '
  / start / { split($2, r, "-"); s = $4 }
  / end /   { printf "repairs %s: %.1f s\n", $2, $4 - s; fflush() }
  !/ start | end / && NF { print }'

END=$(now)
total=$(secs "$START" "$END")
echo "done: $COUNT repairs in $total s ($(awk -v n="$COUNT" -v t="$total" 'BEGIN { printf "%.0f", (t > 0) ? n / t : n }') rows/s)"
sql <<<"SELECT CONCAT('repairs now: ', COUNT(*)) FROM repairs"
