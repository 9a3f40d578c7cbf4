-- Demo data for ./run.sh: the duty roster (值班表). Four shift types, a night shift among them; the
-- demo staff of scripts/stack.sh rostered over the current month (from yesterday when today is the
-- 1st, so that a shift has always ended) on a rotation that keeps the rules (no overlap, 8 hours'
-- rest, at most 6 days in a row); a swap (调班) waiting for the colleague; the handover (交接班) of the
-- last shift that ended, waiting for acknowledgement; a note of the duty officer (总值班). Dates are
-- relative to CURDATE(), so the demo is always current. Times are in the default [site] timezone.
SET time_zone = '+08:00';

INSERT IGNORE INTO shift_types (name, start_min, end_min, roles, min_staff, duty_officer, color) VALUES
  ('早班', 480, 960, '', 1, 0, '#1f6feb'),
  ('中班', 840, 1320, '', 1, 0, '#8250df'),
  ('夜班', 1320, 480, '', 1, 0, '#24292f'),
  ('总值班', 480, 1200, '', 1, 1, '#cf222e');

-- The rotation 早-总值班-中-中-夜-夜-休-休, each person two days after the one before: every day has
-- a 中班, a 夜班, one person off, and the 早班 or (every other day) the 总值班. Positions count from
-- 1970-01-01 so the rotation runs on across months.
CREATE TEMPORARY TABLE demo_rotation (pos INT PRIMARY KEY, shift VARCHAR(32)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO demo_rotation VALUES (0, '早班'), (1, '总值班'), (2, '中班'), (3, '中班'), (4, '夜班'), (5, '夜班');
CREATE TEMPORARY TABLE demo_staff (username VARCHAR(32) PRIMARY KEY, shift_by INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO demo_staff VALUES ('li_tech', 0), ('zhao_tech', 2), ('zhang_agent', 4), ('wang_sup', 6);

SET @first = LEAST(DATE_FORMAT(CURDATE(), '%Y-%m-01'), CURDATE() - INTERVAL 1 DAY);
SET @last = LAST_DAY(CURDATE());
INSERT IGNORE INTO roster (user_id, day, shift_type_id, created_by, created_at)
SELECT u.id, d.day, t.id, NULL, NOW()
FROM (SELECT @first + INTERVAL seq DAY AS day FROM seq_0_to_40) d
JOIN demo_staff s JOIN users u ON u.username = s.username AND u.active = 1
JOIN demo_rotation p ON p.pos = (DATEDIFF(d.day, '1970-01-01') + s.shift_by) MOD 8
JOIN shift_types t ON t.name = p.shift
WHERE d.day <= @last;

-- 调班: 赵磊 asks to give his 中班 for 李强's 早班 of the same day (the nearest such day still to
-- come); both keep the rules after the swap. 李强 has not answered yet.
SET @zhao = (SELECT id FROM users WHERE username = 'zhao_tech');
SET @li = (SELECT id FROM users WHERE username = 'li_tech');
SET @req_row = NULL, @col_row = NULL;
SELECT z.id, l.id INTO @req_row, @col_row FROM roster z
JOIN roster l ON l.day = z.day AND l.user_id = @li AND l.shift_type_id = (SELECT id FROM shift_types WHERE name = '早班')
WHERE z.user_id = @zhao AND z.shift_type_id = (SELECT id FROM shift_types WHERE name = '中班')
ORDER BY z.day <= CURDATE(), ABS(DATEDIFF(z.day, CURDATE())) LIMIT 1;
INSERT INTO shift_swaps (requester_id, requester_roster_id, colleague_id, colleague_roster_id, reason, status,
  created_at, updated_at)
SELECT @zhao, @req_row, @li, @col_row, '那天下午要带孩子去医院复查，想和李强换成早班。', 'requested',
  NOW() - INTERVAL 3 HOUR, NOW() - INTERVAL 3 HOUR FROM DUAL WHERE @req_row IS NOT NULL;
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note, is_public)
SELECT 'swap', w.id, w.created_at, w.requester_id, u.display_name, 'request', '', 'requested', w.reason, '', 0
FROM shift_swaps w JOIN users u ON u.id = w.requester_id WHERE w.requester_id = @zhao AND w.status = 'requested';

-- 交接班 of the last shift of the demo staff that has ended, written ten minutes before its end, with
-- what was open then (the list the program shows: a count and the first five of each kind).
SET @hw_user = NULL, @hw_day = NULL, @hw_type = NULL, @hw_end = NULL;
SELECT r.user_id, r.day, r.shift_type_id,
  TIMESTAMP(r.day) + INTERVAL (t.end_min + IF(t.end_min <= t.start_min, 1440, 0)) MINUTE AS ended
INTO @hw_user, @hw_day, @hw_type, @hw_end
FROM roster r JOIN shift_types t ON t.id = r.shift_type_id JOIN users u ON u.id = r.user_id
JOIN demo_staff s ON s.username = u.username
WHERE TIMESTAMP(r.day) + INTERVAL (t.end_min + IF(t.end_min <= t.start_min, 1440, 0)) MINUTE <= NOW()
ORDER BY ended DESC, r.id LIMIT 1;

CREATE TEMPORARY TABLE demo_open (k INT, no VARCHAR(32), n INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO demo_open SELECT 1, public_no, ROW_NUMBER() OVER (ORDER BY due_at, id) FROM repairs
WHERE status IN ('accepted', 'assigned', 'in_progress') AND due_at < @hw_end;
INSERT INTO demo_open SELECT 2, public_no, ROW_NUMBER() OVER (ORDER BY open_due, id) FROM returns WHERE open_due < @hw_end;
INSERT INTO demo_open SELECT 3, public_no, ROW_NUMBER() OVER (ORDER BY id) FROM repairs WHERE status = 'waiting_parts';
INSERT INTO demo_open SELECT 4, CONCAT('回访 #', id), ROW_NUMBER() OVER (ORDER BY open_due, id) FROM callbacks
WHERE open_due < DATE(@hw_end) + INTERVAL 1 DAY;
INSERT INTO demo_open SELECT 5, public_no, ROW_NUMBER() OVER (ORDER BY id) FROM complaints
WHERE status IN ('open', 'investigating', 'reopened');
CREATE TEMPORARY TABLE demo_kind (k INT PRIMARY KEY, label VARCHAR(32)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO demo_kind VALUES (1, '超时维修工单'), (2, '超时退换货'), (3, '等待配件的维修'), (4, '今日到期回访'), (5, '未结投诉');
SET @open = (SELECT GROUP_CONCAT(line ORDER BY k SEPARATOR '\n') FROM (
  SELECT d.k, CONCAT(d.label, ' ', COUNT(o.no), IF(COUNT(o.no) = 0, '', CONCAT('：',
    GROUP_CONCAT(IF(o.n <= 5, o.no, NULL) ORDER BY o.n SEPARATOR '、'), IF(COUNT(o.no) > 5, ' 等', '')))) AS line
  FROM demo_kind d LEFT JOIN demo_open o ON o.k = d.k GROUP BY d.k, d.label) kind_lines);

INSERT INTO handovers (day, shift_type_id, user_id, open_items, notes, created_at)
SELECT @hw_day, @hw_type, @hw_user, @open,
  '超时工单已逐一电话联系客户，约定今天上门；等待配件的两单已催供应商，预计明天到货。投诉客户要求主管回电，请接班后优先处理。',
  @hw_end - INTERVAL 10 MINUTE FROM DUAL WHERE @hw_user IS NOT NULL;
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note, is_public)
SELECT 'handover', h.id, h.created_at, h.user_id, u.display_name, 'write', '', '',
  CONCAT(DATE_FORMAT(h.day, '%Y-%m-%d'), ' ', t.name), '', 0
FROM handovers h JOIN users u ON u.id = h.user_id JOIN shift_types t ON t.id = h.shift_type_id
WHERE h.user_id = @hw_user AND h.day = @hw_day AND h.shift_type_id = @hw_type;

-- 总值班 note: two hours into the last duty-officer shift that has run that long.
INSERT INTO duty_notes (day, shift_type_id, user_id, note, created_at)
SELECT r.day, r.shift_type_id, r.user_id, '巡查服务台与维修车间，一切正常；下午两单加急上门已安排技师。',
  TIMESTAMP(r.day) + INTERVAL (t.start_min + 120) MINUTE
FROM roster r JOIN shift_types t ON t.id = r.shift_type_id AND t.duty_officer = 1
JOIN users u ON u.id = r.user_id JOIN demo_staff s ON s.username = u.username
WHERE TIMESTAMP(r.day) + INTERVAL (t.start_min + 120) MINUTE <= NOW()
ORDER BY r.day DESC LIMIT 1;
