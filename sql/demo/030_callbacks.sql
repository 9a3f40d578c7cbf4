-- Demo data for ./run.sh: callbacks (回访) in every state with every outcome, the satisfaction they
-- and customers online recorded, and complaints (投诉) in every status, about the finished demo
-- repairs and returns (010_repairs.sql and 020_returns.sql run first) and two demo customers.
-- Complaint numbers are taken as the program takes them: per day from the C daily counter, which is
-- raised to the last one used. Due times stand in for the business-time limits ([callbacks]
-- delay_days, [complaints] response_hours, resolve_hours): two callbacks and one complaint are
-- overdue. Times are in the default [site] timezone.
SET time_zone = '+08:00';

-- the demo staff of scripts/stack.sh (NULL, and the names below, where they do not exist)
SET @agent = (SELECT id FROM users WHERE username = 'zhang_agent');
SET @sup = (SELECT id FROM users WHERE username = 'wang_sup');
SET @agent_name = COALESCE((SELECT display_name FROM users WHERE id = @agent), '张敏');
SET @sup_name = COALESCE((SELECT display_name FROM users WHERE id = @sup), '王芳');
SET @before = (SELECT COALESCE(MAX(id), 0) FROM callbacks);

-- The requests called about, by k: 1-5 resolved repairs, 6-10 closed ones (oldest last), 11-17 the
-- refunded, exchanged and closed returns (the most recently finished first), 21 a repair being
-- worked on, 31-32 customers as a whole; reason: why a finished job's callback was scheduled.
CREATE TEMPORARY TABLE demo_req (k INT PRIMARY KEY, subject VARCHAR(8), id BIGINT UNSIGNED,
  customer_id BIGINT UNSIGNED, finished_at DATETIME, reason VARCHAR(12), technician_id BIGINT UNSIGNED,
  agent_id BIGINT UNSIGNED) ENGINE=InnoDB;
INSERT INTO demo_req
SELECT ROW_NUMBER() OVER (ORDER BY status = 'closed', id), 'repair', id, customer_id, resolved_at, 'resolved',
  assignee_id, @agent
FROM repairs WHERE public_no REGEXP '^R[0-9]{8}-9[0-9]{3}$' AND status IN ('resolved', 'closed');
INSERT INTO demo_req
SELECT 10 + ROW_NUMBER() OVER (ORDER BY COALESCE(refunded_at, exchanged_at) DESC, id), 'return', id, customer_id,
  COALESCE(refunded_at, exchanged_at), IF(refunded_at IS NULL, 'exchanged', 'refunded'), inspected_by,
  COALESCE(created_by, decided_by)
FROM returns WHERE status IN ('refunded', 'exchanged', 'closed')
  AND customer_id IN (SELECT customer_id FROM repairs WHERE public_no REGEXP '^R[0-9]{8}-9[0-9]{3}$');
INSERT INTO demo_req
SELECT 21, 'repair', id, customer_id, NULL, NULL, assignee_id, @agent FROM repairs
WHERE public_no REGEXP '^R[0-9]{8}-9[0-9]{3}$' AND status = 'in_progress' ORDER BY id LIMIT 1;
INSERT INTO demo_req
SELECT 30 + ROW_NUMBER() OVER (ORDER BY id), 'customer', id, id, NULL, NULL, NULL, NULL FROM customers
WHERE id IN (SELECT customer_id FROM repairs WHERE public_no REGEXP '^R[0-9]{8}-9[0-9]{3}$') ORDER BY id LIMIT 2;

-- One row per callback; reason 'job' is the finished job's (demo_req). due_h: due that many hours
-- from now (negative: overdue); done_h: finished that many hours ago; created_h: made that many
-- hours ago (NULL: when its job was finished); taken_min: taken that many minutes ago; attempts:
-- calls made; the scores when the customer said them (source phone or online); cp: the complaint a
-- follow-up call (reason complaint) is about.
CREATE TEMPORARY TABLE demo_cb (n INT PRIMARY KEY, k INT, reason VARCHAR(12), status VARCHAR(12),
  outcome VARCHAR(16), attempts INT, due_h INT, done_h INT, created_h INT, taken_min INT, source VARCHAR(8),
  att INT, tim INT, qua INT, ove INT, solved INT, comment VARCHAR(200), note VARCHAR(200), cp INT)
  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO demo_cb VALUES
  (1, 1, 'job', 'due', NULL, 0, 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  (2, 2, 'job', 'due', NULL, 0, -26, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  (3, 3, 'job', 'due', 'no_answer', 1, -3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  (4, 4, 'job', 'taken', NULL, 0, -5, NULL, NULL, 10, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  (5, 5, 'job', 'due', NULL, 0, 20, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  (6, 6, 'job', 'done', 'reached', 1, NULL, 40, NULL, NULL, 'phone', 5, 5, 5, 5, 1, '师傅很专业，上门准时', '', NULL),
  (7, 7, 'job', 'done', 'reached', 2, NULL, 120, NULL, NULL, 'phone', 4, 4, 5, 4, 1, '', '第一次无人接听', NULL),
  (8, 8, 'job', 'done', 'answered_online', 0, NULL, 30, NULL, NULL, 'online', 5, 4, 4, 5, 1, '维修很及时', '', NULL),
  (9, 9, 'job', 'done', 'reached', 1, NULL, 45, NULL, NULL, 'phone', 3, 2, 3, 2, 1, '等了三天才上门', '', NULL),
  (10, 10, 'job', 'unreachable', 'no_answer', 3, NULL, 70, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  (11, 11, 'job', 'done', 'wrong_number', 1, NULL, 10, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '接听者称不认识客户', NULL),
  (12, 12, 'job', 'due', 'busy', 2, -2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  (13, 13, 'job', 'done', 'refused', 1, NULL, 5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '客户表示很忙，不愿回访', NULL),
  (14, 14, 'job', 'done', 'reached', 1, NULL, 30, NULL, NULL, 'phone', 4, 4, 4, 3, 0, '换的新机还是有异响', '', NULL),
  (15, 15, 'job', 'done', 'reached', 1, NULL, 90, NULL, NULL, 'phone', 5, 5, 5, 5, 1, '', '', NULL),
  (16, 16, 'job', 'done', 'answered_online', 0, NULL, 100, NULL, NULL, 'online', 4, 4, 3, 4, 1, '', '', NULL),
  (17, 17, 'job', 'done', 'reached', 1, NULL, 150, NULL, NULL, 'phone', 2, 1, 2, 1, 1, '退款拖了一个星期', '', NULL),
  (18, 31, 'manual', 'due', NULL, 0, 2, NULL, 24, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '老客户，年度回访', NULL),
  (19, 32, 'bulk', 'due', NULL, 0, 30, NULL, 48, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', NULL),
  -- the follow-up calls of complaints 2 (still to make), 3 (confirmed: closed) and 6 (not solved: reopened)
  (20, 14, 'complaint', 'due', NULL, 0, 4, NULL, 8, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', '', 2),
  (21, 17, 'complaint', 'done', 'reached', 1, NULL, 96, 128, NULL, 'phone', 5, 4, 5, 5, 1, '退款已到账，处理满意', '', 3),
  (22, 7, 'complaint', 'done', 'reached', 1, NULL, 10, 68, NULL, 'phone', 3, 3, 2, 3, 0, '空调还是时好时坏', '', 6);

-- One row per complaint: cb the call whose rating opened it; hours_ago when it came in; what the
-- supervisor found; responsible the username of the person at fault ('' for none, 'tech': the job's
-- technician).
CREATE TEMPORARY TABLE demo_cp (n INT PRIMARY KEY, k INT, cb INT, source VARCHAR(12), status VARCHAR(16),
  hours_ago INT, description VARCHAR(500), cause VARCHAR(500), measures VARCHAR(500), responsible VARCHAR(32))
  ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO demo_cp VALUES
  (1, 9, 9, 'low_score', 'investigating', 45, '', '', '', ''),
  (2, 14, 14, 'not_solved', 'resolved', 30, '', '新机压缩机批次问题，异响属实',
   '再次换新机并由师傅上门试机，赠送延保一年', ''),
  (3, 17, 17, 'low_score', 'closed', 150, '', '退款单漏审，拖延七天', '当日补办退款并致歉；退款单每日核对', 'zhang_agent'),
  (4, 2, NULL, 'phone', 'open', 6, '客户来电：修好后第二天又不制冷，要求尽快再次上门并说明原因。', '', '', ''),
  (5, 21, NULL, 'online', 'open', 1, '预约的上门时间已经过了，师傅没有来，也没有人通知。', '', '', ''),
  (6, 7, NULL, 'online', 'reopened', 90, '修完一个月空调又不制冷了，怀疑换的配件有问题。', '所换温控器与机型不匹配',
   '免费更换原厂温控器；配件出库核对机型', 'tech');

-- The callbacks, attributed to the job's technician and agent like callback_schedule() does.
INSERT INTO callbacks (subject, subject_id, customer_id, reason, status, due_at, attempts, taken_by, taken_at,
  outcome, note, technician_id, agent_id, done_by, done_at, created_by, created_at, updated_at, version)
SELECT q.subject, q.id, q.customer_id, IF(c.reason = 'job', q.reason, c.reason), c.status,
  COALESCE(NOW() + INTERVAL c.due_h HOUR, NOW() - INTERVAL c.done_h HOUR - INTERVAL 2 HOUR),
  c.attempts, IF(c.status = 'taken', @agent, NULL), IF(c.status = 'taken', NOW() - INTERVAL c.taken_min MINUTE, NULL),
  c.outcome, c.note, q.technician_id, q.agent_id,
  IF(c.status IN ('done', 'unreachable') AND c.outcome <> 'answered_online', @agent, NULL),
  NOW() - INTERVAL c.done_h HOUR,
  IF(c.reason IN ('manual', 'bulk', 'complaint'), @sup, NULL),
  COALESCE(NOW() - INTERVAL c.created_h HOUR, q.finished_at),
  COALESCE(NOW() - INTERVAL c.done_h HOUR, NOW() - INTERVAL c.taken_min MINUTE,
           COALESCE(NOW() - INTERVAL c.created_h HOUR, q.finished_at)),
  1 + 2 * c.attempts + (c.status = 'taken') + (c.outcome <=> 'answered_online')
FROM demo_cb c JOIN demo_req q ON q.k = c.k ORDER BY c.n;

CREATE TEMPORARY TABLE demo_cb_id ENGINE=InnoDB
SELECT c.n, b.id, b.subject, b.subject_id, b.customer_id, b.created_at, b.done_at, b.due_at, b.taken_at,
  b.technician_id, b.agent_id
FROM demo_cb c JOIN demo_req q ON q.k = c.k
JOIN callbacks b ON b.id > @before AND b.subject = q.subject AND b.subject_id = q.id
  AND b.reason = IF(c.reason = 'job', q.reason, c.reason);

-- What the customers said: by phone on the call, or online on /track (once per request).
INSERT INTO satisfaction (subject, subject_id, callback_id, source, online_id, attitude, timeliness, quality,
  overall, solved, comment, technician_id, agent_id, recorded_by, created_at)
SELECT i.subject, i.subject_id, i.id, c.source, IF(c.source = 'online', i.subject_id, NULL), c.att, c.tim, c.qua,
  c.ove, c.solved, c.comment, i.technician_id, i.agent_id, IF(c.source = 'phone', @agent, NULL), i.done_at
FROM demo_cb c JOIN demo_cb_id i ON i.n = c.n WHERE c.source IS NOT NULL;

-- The wrong number asks for a correction on the customer's record.
UPDATE customers u JOIN demo_cb_id i ON i.customer_id = u.id JOIN demo_cb c ON c.n = i.n
SET u.phone_flagged_at = i.done_at WHERE c.outcome = 'wrong_number';

-- Complaints: times of each step, and the numbers per day after the day's C counter.
CREATE TEMPORARY TABLE demo_cp_at ENGINE=InnoDB
SELECT p.n, NOW() - INTERVAL p.hours_ago HOUR AS created_at,
  IF(p.status <> 'open', NOW() - INTERVAL p.hours_ago HOUR + INTERVAL 2 HOUR, NULL) AS responded_at,
  IF(p.status IN ('resolved', 'closed', 'reopened'), NOW() - INTERVAL p.hours_ago HOUR + INTERVAL 22 HOUR, NULL) AS resolved_at
FROM demo_cp p;
CREATE TEMPORARY TABLE demo_cp_num ENGINE=InnoDB
SELECT a.n, DATE(a.created_at) AS day,
  COALESCE(dc.last, 0) + ROW_NUMBER() OVER (PARTITION BY DATE(a.created_at) ORDER BY a.n) AS seq
FROM demo_cp_at a LEFT JOIN daily_counters dc ON dc.kind = 'C' AND dc.day = DATE(a.created_at);

INSERT INTO complaints (public_no, subject, subject_id, customer_id, callback_id, satisfaction_id, source,
  description, status, handler_id, response_due, responded_at, resolve_due, resolved_at, cause, measures,
  responsible_id, closed_at, created_by, created_at, updated_at, version)
SELECT CONCAT('C', DATE_FORMAT(m.day, '%Y%m%d'), '-', LPAD(m.seq, 4, '0')), q.subject, q.id, q.customer_id, i.id,
  s.id, p.source,
  IF(p.cb IS NULL, p.description,
     CONCAT('回访评价：态度 ', c.att, '、速度 ', c.tim, '、质量 ', c.qua, '、总体 ', c.ove, '，',
            IF(c.solved, '问题已解决', '问题未解决'), '。', c.comment)),
  p.status, IF(p.status <> 'open', @sup, NULL), a.created_at + INTERVAL 4 HOUR, a.responded_at,
  a.created_at + INTERVAL 5 DAY, a.resolved_at, p.cause, p.measures,
  CASE p.responsible WHEN '' THEN NULL WHEN 'tech' THEN q.technician_id
    ELSE (SELECT id FROM users WHERE username = p.responsible) END,
  NULL, IF(p.source = 'phone', @agent, NULL), a.created_at,
  COALESCE(a.resolved_at, a.responded_at, a.created_at),
  1 + (p.status <> 'open') + (p.status IN ('resolved', 'closed', 'reopened'))
FROM demo_cp p JOIN demo_req q ON q.k = p.k JOIN demo_cp_at a ON a.n = p.n JOIN demo_cp_num m ON m.n = p.n
LEFT JOIN demo_cb c ON c.n = p.cb LEFT JOIN demo_cb_id i ON i.n = p.cb
LEFT JOIN satisfaction s ON s.callback_id = i.id;

INSERT INTO daily_counters (kind, day, last)
SELECT 'C', day, MAX(seq) FROM demo_cp_num GROUP BY day
ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUES(last));

CREATE TEMPORARY TABLE demo_cp_id ENGINE=InnoDB
SELECT p.n, k.id, k.public_no, k.subject, k.subject_id, k.created_at, k.description FROM demo_cp p
JOIN demo_cp_num m ON m.n = p.n
JOIN complaints k ON k.public_no = CONCAT('C', DATE_FORMAT(m.day, '%Y%m%d'), '-', LPAD(m.seq, 4, '0'));

-- A resolved complaint and its follow-up call point at each other (resolving schedules the call); the
-- supervisor closed one an hour after the customer confirmed it solved and reopened the other.
UPDATE callbacks b JOIN demo_cb_id i ON i.id = b.id JOIN demo_cb c ON c.n = i.n JOIN demo_cp_id k ON k.n = c.cp
SET b.complaint_id = k.id;
UPDATE complaints k JOIN demo_cp_id p ON p.id = k.id JOIN demo_cb c ON c.cp = p.n JOIN demo_cb_id i ON i.n = c.n
SET k.followup_callback_id = i.id, k.closed_at = IF(k.status = 'closed', i.done_at + INTERVAL 1 HOUR, NULL),
  k.resolve_due = IF(k.status = 'reopened', i.done_at + INTERVAL 1 HOUR + INTERVAL 5 DAY, k.resolve_due),
  k.updated_at = COALESCE(i.done_at + INTERVAL 1 HOUR, k.updated_at),
  k.version = k.version + (k.status IN ('closed', 'reopened'));

-- The callbacks' timelines: scheduled; each call (taken, then its outcome); taken now; answered online.
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'callback', i.id, i.created_at, u.id, COALESCE(u.display_name, @sup_name), 'schedule', '', 'due',
  CONCAT('回访时间 ', DATE_FORMAT(i.due_at, '%Y-%m-%d %H:%i')), '', 0
FROM demo_cb_id i JOIN demo_cb c ON c.n = i.n
LEFT JOIN users u ON u.id = IF(i.subject = 'repair' AND c.reason = 'job', i.technician_id, @sup);

CREATE TEMPORARY TABLE demo_calls ENGINE=InnoDB
SELECT i.id, s.seq AS attempt, c.attempts, c.status, c.outcome,
  i.created_at + INTERVAL (TIMESTAMPDIFF(MINUTE, i.created_at, COALESCE(i.done_at, NOW())) * CAST(s.seq AS SIGNED)
    DIV (c.attempts + (c.done_h IS NULL))) MINUTE AS at,
  IF(s.seq < c.attempts OR c.status NOT IN ('done', 'unreachable'), 'due', c.status) AS to_status,
  CASE
    WHEN s.seq < c.attempts THEN CONCAT('无人接听（第 ', s.seq, ' 次）')
    WHEN c.outcome IN ('no_answer', 'busy') AND c.status = 'unreachable' THEN
      CONCAT(IF(c.outcome = 'busy', '占线', '无人接听'), '（第 ', s.seq, ' 次），已打 ', s.seq, ' 次，无法联系')
    WHEN c.outcome IN ('no_answer', 'busy') THEN CONCAT(IF(c.outcome = 'busy', '占线', '无人接听'), '（第 ', s.seq, ' 次）')
    WHEN c.outcome = 'reached' THEN CONCAT('已接通：服务态度 ', c.att, '、响应速度 ', c.tim, '、维修质量 ', c.qua, '、总体 ',
      c.ove, '，', IF(c.solved, '问题已解决', '问题未解决'), IF(c.comment = '', '', CONCAT('。客户意见：', c.comment)))
    WHEN c.outcome = 'wrong_number' THEN '号码错误，已标记客户电话待更正'
    ELSE '拒绝回访' END AS note,
  i.subject, i.subject_id, c.reason
FROM demo_cb_id i JOIN demo_cb c ON c.n = i.n JOIN seq_1_to_3 s ON s.seq <= c.attempts;

INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'callback', id, at - INTERVAL 5 MINUTE, @agent, @agent_name, 'take', 'due', 'taken', '', '', 0 FROM demo_calls
UNION ALL
SELECT 'callback', id, at, @agent, @agent_name, 'call', 'taken', to_status, note, '', 0 FROM demo_calls;

INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'callback', i.id, IF(c.status = 'taken', i.taken_at, i.done_at), IF(c.status = 'taken', @agent, NULL),
  IF(c.status = 'taken', @agent_name, '客户'), IF(c.status = 'taken', 'take', 'online'), 'due',
  IF(c.status = 'taken', 'taken', 'done'), IF(c.status = 'taken', '', '客户已在线评价'), '', 0
FROM demo_cb_id i JOIN demo_cb c ON c.n = i.n WHERE c.status = 'taken' OR c.outcome = 'answered_online';

-- The repairs' and returns' timelines: each finished call (staff only), each online rating, each
-- complaint (which the customer sees was registered).
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT subject, subject_id, at, @agent, @agent_name, 'callback', '', '', CONCAT('回访 #', id, '：', note), '', 0
FROM demo_calls WHERE attempt = attempts AND to_status <> 'due' AND subject <> 'customer';
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT i.subject, i.subject_id, i.done_at, NULL, '客户', 'rating', '', '',
  CONCAT('在线评价：态度 ', c.att, '、速度 ', c.tim, '、质量 ', c.qua, '、总体 ', c.ove, '，',
         IF(c.solved, '问题已解决', '问题未解决')), '感谢您的评价', 1
FROM demo_cb_id i JOIN demo_cb c ON c.n = i.n WHERE c.source = 'online';
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT subject, subject_id, created_at, NULL, '客户', 'complaint', '', '', CONCAT('投诉 ', public_no),
  '您的意见已登记为投诉，主管将尽快处理', 1
FROM demo_cp_id WHERE subject <> 'customer';

-- The complaints' timelines: opened, responded to, resolved, then closed or reopened after the
-- follow-up call.
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'complaint', k.id, k.created_at, IF(p.source = 'online', NULL, @agent),
  IF(p.source = 'online', '客户', @agent_name), 'open', '', 'open', k.description, '', 0
FROM demo_cp_id k JOIN demo_cp p ON p.n = k.n;
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'complaint', k.id, a.responded_at, @sup, @sup_name, 'respond', 'open', 'investigating', '已联系客户，开始调查', '', 0
FROM demo_cp_id k JOIN demo_cp_at a ON a.n = k.n WHERE a.responded_at IS NOT NULL;
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'complaint', k.id, a.resolved_at, @sup, @sup_name, 'resolve', 'investigating', 'resolved',
  CONCAT('原因：', p.cause, '；措施：', p.measures, IF(u.id IS NULL, '', CONCAT('；责任人：', u.display_name))), '', 0
FROM demo_cp_id k JOIN demo_cp_at a ON a.n = k.n JOIN demo_cp p ON p.n = k.n
LEFT JOIN complaints x ON x.id = k.id LEFT JOIN users u ON u.id = x.responsible_id
WHERE a.resolved_at IS NOT NULL;
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'complaint', k.id, i.done_at + INTERVAL 1 HOUR, @sup, @sup_name, IF(p.status = 'closed', 'close', 'reopen'),
  'resolved', p.status,
  CONCAT('回访 #', i.id, '：', IF(c.solved, '客户确认问题已解决，结案', '客户表示问题仍未解决，重新处理')), '', 0
FROM demo_cp_id k JOIN demo_cp p ON p.n = k.n JOIN demo_cb c ON c.cp = p.n JOIN demo_cb_id i ON i.n = c.n
WHERE p.status IN ('closed', 'reopened');
