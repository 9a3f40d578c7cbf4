# shellcheck shell=bash disable=SC2034 # sourced: the generators use its lists and settings
# bench/gen_common.sh — what the load-test generators share (sourced by gen_repairs.sh,
# gen_returns.sh and gen_callbacks.sh): the command line, one client session, the 20000 made-up
# customers, the days of the year the rows fall on, the public numbers above every number a day
# already has, and the batches of INSERT ... SELECT. A generator sets, before sourcing this file:
#   GEN          its name and table, e.g. repairs
#   GEN_KIND     the letter of its public numbers (R, T); empty for rows without one (callbacks)
#   GEN_HASH     the prefix of its row hashes, so two generators draw different rows
#   GEN_DEFAULT  the default COUNT
#   GEN_HELP     how many lines of its header comment -h prints
# and afterwards calls gen_start, then gen_run with its batch function (see there).

if [[ $# -lt 1 || $# -gt 3 || $1 == -h || $1 == --help ]]; then
  sed -n "2,${GEN_HELP}p" "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
SOCKET=$1
COUNT=${2:-$GEN_DEFAULT}
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
for t in customers "$GEN" users daily_counters; do
  [[ $(sql <<<"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = '$t'") == 1 ]] ||
    { echo "table $t missing in $DATABASE: apply the sql/ migrations first" >&2; exit 1; }
done

# Today in the site's time zone, as a literal: the SQL below runs faster with constants.
TODAY=$(sql <<<"SET time_zone = '$TZ_OFFSET'; SELECT CURDATE()")
FIRST=$(sql <<<"SELECT DATE'$TODAY' - INTERVAL $((DAYS + 7)) DAY")
# Row numbers continue after the rows already there, so a second run adds different rows.
SEQ0=$(sql <<<"SELECT COUNT(*) FROM $GEN")

# hashes N: the select list of N hashes h1..hN of the row number seq, for this generator.
hashes() {
  local i out="seq"
  for ((i = 1; i <= $1; i++)); do out+=", CRC32(CONCAT('${GEN_HASH}$i:', seq)) h$i"; done
  printf '%s' "$out"
}

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
           FROM $GEN WHERE public_no >= '$GEN_KIND${FIRST//-/}' AND public_no < '$GEN_KIND${TODAY//-/}' GROUP BY 1) r ON r.day = w.day
LEFT JOIN daily_counters c ON c.kind = '$GEN_KIND' AND c.day = w.day
GROUP BY w.day"

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

# gen_start: checks that the numbers fit the public_no column (counting exactly what each day
# gets, before anything is written), then makes the customers once (a second run reuses them;
# marked notes = 'gen:bench') with common Chinese names, 11-digit mobile numbers and addresses
# in big cities.
# Rows without public numbers (callbacks) are about requests already there: neither applies.
gen_start() {
  [[ -z $GEN_KIND ]] || gen_room
  START=$(now)
  echo "gen_$GEN: $COUNT $GEN into $DATABASE (batches of $BATCH)"
  [[ -z $GEN_KIND ]] || gen_customers
}

# gen_room: the room check of gen_start, for a generator with public numbers.
gen_room() {
  local width digits maxsuf top busiest
  # Room: the letter + 8 digits + "-" leave width - 10 digits for the suffix.
  width=$(sql <<<"SELECT CHARACTER_MAXIMUM_LENGTH FROM information_schema.columns
    WHERE table_schema = DATABASE() AND table_name = '$GEN' AND column_name = 'public_no'")
  digits=$((width - 10 > 18 ? 18 : width - 10))
  ((digits >= 4)) || { echo "$GEN.public_no is only $width characters wide" >&2; exit 1; }
  maxsuf=$((10 ** digits - 1))
  read -r top busiest < <(sql <<SQL
SELECT COALESCE(MAX(l.last + n.cnt), 0), COALESCE(MAX(n.cnt), 0)
FROM ($LAST_SQL) l
JOIN (SELECT day, COUNT(*) AS cnt
      FROM (SELECT $(day_sql h1 h2) AS day
            FROM (SELECT $(hashes 2) FROM seq_$((SEQ0 + 1))_to_$((SEQ0 + COUNT))) s) t
      GROUP BY day) n ON n.day = l.day;
SQL
  )
  if ((top > maxsuf)); then
    echo "too many: the busiest day would reach number $top, but $GEN.public_no (VARCHAR($width)) ends at $maxsuf" >&2
    exit 1
  fi
  echo "gen_$GEN: at most $busiest a day; the largest suffix will be $top"
}

gen_customers() {
  local have t0
  have=$(sql <<<"SELECT COUNT(*) FROM customers WHERE notes = 'gen:bench'")
  if ((have >= CUSTOMERS)); then
    echo "customers: reusing $have"
  else
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
-- each customer's number is its primary one (customer_phones, sql/018), as intake records it
INSERT IGNORE INTO customer_phones (customer_id, phone, is_primary, created_at)
SELECT id, phone, 1, created_at FROM customers WHERE notes = 'gen:bench' AND id > (SELECT COALESCE(MAX(customer_id), 0) FROM customer_phones);
SQL
    echo "customers: $((CUSTOMERS - have)) added in $(secs "$t0" "$(now)") s"
  fi
  NCUST=$(sql <<<"SELECT COUNT(*) FROM customers WHERE notes = 'gen:bench'")
}

# gen_run BATCH_FN [HEADER_SQL]: runs the batches in one client session, so the temporary tables
# of the customers (gen_cust: n, id, name, phone, address), the last number of each day (gen_days)
# and HEADER_SQL's survive between them. BATCH_FN FROM TO prints the SQL of rows FROM..TO (counted
# on from SEQ0): it fills the temporary table gen_batch with a column day per row (which the
# numbers need) and inserts from it; gen_run then moves each day's last number on and, at the end,
# raises daily_counters of the generated days to the last number used. Without GEN_KIND there are
# no numbers: gen_batch needs no day, and no counters move.
gen_run() {
  local batch_fn=$1 header=${2:-} from to total
  {
    cat <<SQL
SET time_zone = '$TZ_OFFSET';
CREATE TEMPORARY TABLE gen_cust (n INT PRIMARY KEY, id BIGINT UNSIGNED, name VARCHAR(64), phone VARCHAR(24), address VARCHAR(255))
  SELECT ROW_NUMBER() OVER (ORDER BY id) AS n, id, name, phone, address FROM customers WHERE notes = 'gen:bench';
SQL
    # The last suffix in use on each day of the window: generated numbers go above.
    [[ -z $GEN_KIND ]] || echo "CREATE TEMPORARY TABLE gen_days (day DATE PRIMARY KEY, last BIGINT UNSIGNED NOT NULL) $LAST_SQL;"
    printf '%s\n' "$header"
    for ((from = 1; from <= COUNT; from += BATCH)); do
      to=$((from + BATCH - 1))
      ((to > COUNT)) && to=$COUNT
      echo "SELECT CONCAT('batch ', $from, '-', $to, ' start ', UNIX_TIMESTAMP(NOW(6)));"
      "$batch_fn" "$((SEQ0 + from))" "$((SEQ0 + to))"
      [[ -z $GEN_KIND ]] ||
        echo "UPDATE gen_days d JOIN (SELECT day, COUNT(*) AS n FROM gen_batch GROUP BY day) b ON b.day = d.day SET d.last = d.last + b.n;"
      echo "SELECT CONCAT('batch ', $from, '-', $to, ' end ', UNIX_TIMESTAMP(NOW(6)));"
    done
    echo "DROP TEMPORARY TABLE gen_batch;"
    [[ -z $GEN_KIND ]] || cat <<SQL
INSERT INTO daily_counters (kind, day, last) SELECT '$GEN_KIND', day, last FROM gen_days WHERE last > 4999
  ON DUPLICATE KEY UPDATE last = GREATEST(daily_counters.last, VALUES(last));
SQL
  } | sql | awk -v what="$GEN" '
    / start / { split($2, r, "-"); s = $4 }
    / end /   { printf "%s %s: %.1f s\n", what, $2, $4 - s; fflush() }
    !/ start | end / && NF { print }'
  total=$(secs "$START" "$(now)")
  echo "done: $COUNT $GEN in $total s ($(awk -v n="$COUNT" -v t="$total" 'BEGIN { printf "%.0f", (t > 0) ? n / t : n }') rows/s)"
  sql <<<"SELECT CONCAT('$GEN now: ', COUNT(*)) FROM $GEN"
  gen_reports
}

# gen_reports: the rows went in without the application, so the reports' summaries are built
# again from the records (sql/010_reports.sql and later).
gen_reports() {
  local t0 proc
  t0=$(now)
  for proc in $(sql <<<"SELECT routine_name FROM information_schema.routines
      WHERE routine_schema = DATABASE() AND routine_type = 'PROCEDURE' AND routine_name LIKE '%\_rebuild'
      ORDER BY routine_name"); do
    sql <<<"SET time_zone = '$TZ_OFFSET'; CALL $proc();"
  done
  echo "report summaries rebuilt in $(secs "$t0" "$(now)") s"
}
