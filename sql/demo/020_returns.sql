-- Demo data for ./run.sh: returns, exchanges and refunds (退换货) in every status, with their
-- timelines, for the customers of the demo repairs (010_repairs.sql runs first). Money in cents.
-- Numbers are taken as the program takes them: per day from the T daily counter, which is raised to
-- the last one used, so real submissions go on after them. Due times stand in for the business-hours
-- limits ([returns] answer_hours, refund_hours): one request and one inspected return are overdue.
-- Times are in the default [site] timezone, so "two hours ago" is that on the staff pages.
SET time_zone = '+08:00';

CREATE TEMPORARY TABLE demo_cust (k INT PRIMARY KEY, id BIGINT UNSIGNED, name VARCHAR(64), phone VARCHAR(24),
  address VARCHAR(255))
SELECT ROW_NUMBER() OVER (ORDER BY id) AS k, id, name, phone, address FROM customers
WHERE id IN (SELECT customer_id FROM repairs WHERE public_no REGEXP '^R[0-9]{8}-9[0-9]{3}$')
  AND merged_into IS NULL AND anonymised = 0;
SET @ncust = (SELECT COUNT(*) FROM demo_cust);
-- The return that became a repair points at a demo repair being worked on, and it back at it.
SET @repair = (SELECT MIN(id) FROM repairs WHERE public_no REGEXP '^R[0-9]{8}-9[0-9]{3}$' AND status = 'assigned');

-- One row per return: path names the steps of its timeline (demo_path below).
CREATE TEMPORARY TABLE demo_ret (
  n INT PRIMARY KEY, path VARCHAR(24), status VARCHAR(16), kind VARCHAR(8), channel VARCHAR(8), product VARCHAR(64),
  hours_ago INT, bought_days INT, online TINYINT NULL, fault TINYINT, paid BIGINT NULL, order_no VARCHAR(64),
  serial_no VARCHAR(64), reason VARCHAR(500), decision_note VARCHAR(500), exception TINYINT,
  received_condition VARCHAR(500), inbound VARCHAR(64), inspection VARCHAR(16), inspection_notes VARCHAR(500),
  refund BIGINT NULL, refund_method VARCHAR(8), refund_reference VARCHAR(64), refund_note VARCHAR(500),
  replacement_serial VARCHAR(64), outbound VARCHAR(64), cancel_reason VARCHAR(500)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO demo_ret VALUES
  (1, 'requested', 'requested', 'refund', 'web', '电视', 2, 3, 1, 0, 329900, '298371645520', 'SN55E3K0712',
   '七天无理由退货，商品未拆封，外包装完好。', '', 0, '', '', NULL, '', NULL, NULL, '', '', '', '', ''),
  (2, 'requested', 'requested', 'return', 'phone', '笔记本电脑', 52, 4, 1, 1, 549900, '3571209837461205837',
   'SNNB14X2608', '开机后屏幕频繁闪烁，外接显示器正常，购买第 4 天出现。', '', 0, '', '', NULL, '', NULL, NULL, '', '',
   '', '', ''),
  (3, 'approved', 'approved', 'exchange', 'web', '洗衣机', 30, 10, 1, 1, 259900, '301928374650',
   'SNXQG100-4471', '脱水时机身剧烈晃动并报 E3，已按说明书调平仍无改善。', '购买第 10 天，性能故障，符合 15 日内换货', 0,
   '', '', NULL, '', NULL, NULL, '', '', '', '', ''),
  (4, 'approved', 'approved', 'return', 'counter', '热水器', 70, 40, 0, 1, 189900, 'MD20261012-0831', 'SNJSQ25-9902',
   '加热管故障，已上门维修两次仍不出热水，要求退货。',
   '购买第 40 天，已超过 15 日换货期；保修期内两次维修未修复，主管同意退货', 1, '', '', NULL, '', NULL, NULL, '', '', '',
   '', ''),
  (5, 'rejected', 'rejected', 'return', 'web', '冰箱', 140, 70, 1, 0, 459900, '287461093752', 'SNBCD520-1183',
   '不想要了，颜色与家里装修不搭。',
   '购买第 70 天，已超过 7 日无理由退货期限，商品无性能故障，不能退货；如出现故障可申请保修维修。', 0, '', '', NULL, '',
   NULL, NULL, '', '', '', '', ''),
  (6, 'rejected', 'rejected', 'refund', 'web', '空调', 100, 12, 1, 0, 379900, '3571209901238845120',
   'SNKFR35-6620', '觉得买贵了，申请退款。', '购买第 12 天，已超过 7 日无理由退货期限，且空调已安装使用，不能退款。', 0, '',
   '', NULL, '', NULL, NULL, '', '', '', '', ''),
  (7, 'received', 'received', 'return', 'web', '电视', 120, 5, 1, 1, 299900, '298377102934', 'SN55E3K0877',
   '屏幕左侧有一条竖线，重启后仍在。', '购买第 5 天，性能故障，符合 7 日内退货', 0, '外包装完好，遥控器、底座、说明书齐全',
   'SF1428837716053', NULL, '', NULL, NULL, '', '', '', '', ''),
  (8, 'received', 'received', 'exchange', 'phone', '冰箱', 96, 9, 0, 1, 399900, 'MD20261115-0412', 'SNBCD520-1420',
   '冷藏室不制冷，冷冻室正常。', '购买第 9 天，性能故障，符合 15 日内换货', 0, '客户自送到店，箱体侧面有轻微划痕（客户确认为运输所致）',
   '', NULL, '', NULL, NULL, '', '', '', '', ''),
  (9, 'inspected', 'inspected', 'exchange', 'web', '洗衣机', 320, 8, 1, 1, 229900, '3571208834120983341',
   'SNXQG100-5213', '进水阀漏水，地面有积水。', '购买第 8 天，性能故障，符合 15 日内换货', 0, '包装完好，配件齐全',
   'YT7788201933451', 'fault_confirmed', '进水阀密封圈装配不良导致漏水，属性能故障。', NULL, NULL, '', '', '', '', ''),
  (10, 'inspected', 'inspected', 'return', 'counter', '笔记本电脑', 150, 6, 0, 1, 629900, 'MD20261120-0107',
   'SNNB14X3115', '键盘部分按键失灵。', '购买第 6 天，性能故障，符合 7 日内退货', 0, '机身无划痕，包装及配件齐全', '',
   'fault_confirmed', '键盘排线接触不良，多个按键无响应，确认为性能故障。', NULL, NULL, '', '', '', '', ''),
  (11, 'refunded', 'refunded', 'return', 'web', '电视', 220, 3, 1, 1, 329900, '298366120457', 'SN55E3K0533',
   '开机无图像，只有声音。', '购买第 3 天，性能故障，符合 7 日内退货', 0, '包装完好，配件齐全', 'SF1428830021844',
   'fault_confirmed', '背光驱动板故障，开机无背光。', 329900, 'original', 'RF20261117000318', '', '', '', ''),
  (12, 'refunded', 'refunded', 'refund', 'web', '热水器', 260, 5, 1, 0, 189900, '3571207712093384410', 'SNJSQ25-8841',
   '七天无理由退货，未安装。', '购买第 5 天，网购 7 日无理由退货', 0, '未安装，赠品花洒未寄回', 'ZTO73310288451',
   'no_fault', '未安装使用，机器完好；赠品花洒（价值 ¥159.00）未寄回。', 174000, 'alipay', '2026111622001488',
   '赠品花洒未寄回，按赠品价值扣除 ¥159.00', '', '', ''),
  (13, 'exchanged', 'exchanged', 'exchange', 'web', '冰箱', 240, 11, 1, 1, 459900, '287455019384', 'SNBCD520-0977',
   '压缩机噪音很大，夜里无法入睡。', '购买第 11 天，性能故障，符合 15 日内换货', 0, '包装完好', 'DB9810230047',
   'fault_confirmed', '压缩机运行异响，超出标准噪音值。', NULL, NULL, '', '', 'SNBCD520-1502', 'DB9810230388', ''),
  (14, 'exchanged', 'exchanged', 'exchange', 'phone', '空调', 300, 13, 0, 1, 429900, 'MD20261105-0266',
   'SNKFR35-6188', '制热时外机频繁停机，室内不热。', '购买第 13 天，性能故障，符合 15 日内换货', 0, '上门取回，外观完好', '',
   'fault_confirmed', '外机主板故障，制热模式下保护停机。', NULL, NULL, '', '', 'SNKFR35-6702', '', ''),
  (15, 'closed_refund', 'closed', 'return', 'web', '洗衣机', 430, 2, 1, 1, 199900, '301900128374', 'SNXQG100-3982',
   '不排水，显示 E21。', '购买第 2 天，性能故障，符合 7 日内退货', 0, '包装完好，配件齐全', 'SF1428816620932',
   'fault_confirmed', '排水泵损坏。', 199900, 'original', 'RF20261109000142', '', '', '', ''),
  (16, 'closed_exchange', 'closed', 'exchange', 'counter', '电视', 500, 14, 0, 1, 269900, 'MD20261028-0319',
   'SN55E3K0309', '无线网络经常断开。', '购买第 14 天，性能故障，符合 15 日内换货', 0, '到店检测，配件齐全', '',
   'fault_confirmed', '无线模块故障，信号强度异常。', NULL, NULL, '', '', 'SN55E3K1044', '', ''),
  (17, 'closed_refund', 'closed', 'refund', 'web', '笔记本电脑', 600, 6, 1, 0, 499900, '3571205590123874456',
   'SNNB14X2290', '七天无理由退货，买错型号。', '购买第 6 天，网购 7 日无理由退货', 0, '未激活，包装完好',
   'JD0098123345671', 'no_fault', '未激活，外观及配件完好。', 499900, 'original', 'RF20261103000877', '', '', '', ''),
  (18, 'converted', 'converted', 'return', 'phone', '', 0, 30, 0, 1, 319900, 'MD20261101-0520', '',
   '使用一段时间后出现故障，要求退货。', '已超过 15 日换货期；同意先寄回检测，确认故障后按保修维修处理', 0, '上门取回，外观完好', '',
   'fault_confirmed', '故障属实，已过 15 日换货期，经客户同意转为保修维修。', NULL, NULL, '', '', '', '', ''),
  (19, 'cancelled', 'cancelled', 'return', 'web', '空调', 80, 5, 1, 0, 359900, '298390011723', 'SNKFR35-7034',
   '家里装修推迟，暂时用不上。', '', 0, '', '', NULL, '', NULL, NULL, '', '', '', '', '客户与商家协商后决定保留商品'),
  (20, 'cancelled_approved', 'cancelled', 'exchange', 'phone', '洗衣机', 60, 7, 0, 1, 239900, 'MD20261122-0094',
   'SNXQG100-5507', '洗涤时异响。', '购买第 7 天，性能故障，符合 15 日内换货', 0, '', '', NULL, '', NULL, NULL, '', '', '',
   '', '上门检查发现是运输螺栓未拆除，拆除后正常，客户取消换货');

-- The steps of each path: the timeline, oldest first. The first step is "submit" on the web and
-- "intake" when staff took the request by phone or at the counter.
CREATE TEMPORARY TABLE demo_path (path VARCHAR(24), step INT, action VARCHAR(16), from_status VARCHAR(16),
  to_status VARCHAR(16), PRIMARY KEY (path, step));
INSERT INTO demo_path
SELECT p.path, c.step, c.action, c.from_status, c.to_status
FROM (SELECT 1 AS step, 'submit' AS action, '' AS from_status, 'requested' AS to_status
      UNION ALL SELECT 2, 'approve', 'requested', 'approved' UNION ALL SELECT 3, 'receive', 'approved', 'received'
      UNION ALL SELECT 4, 'inspect', 'received', 'inspected') c
JOIN (SELECT 'requested' AS path, 1 AS len UNION ALL SELECT 'approved', 2 UNION ALL SELECT 'received', 3
      UNION ALL SELECT 'inspected', 4 UNION ALL SELECT 'refunded', 4 UNION ALL SELECT 'exchanged', 4
      UNION ALL SELECT 'closed_refund', 4 UNION ALL SELECT 'closed_exchange', 4 UNION ALL SELECT 'converted', 4
      UNION ALL SELECT 'rejected', 1 UNION ALL SELECT 'cancelled', 1 UNION ALL SELECT 'cancelled_approved', 2) p
  ON c.step <= p.len;
INSERT INTO demo_path VALUES
  ('rejected', 2, 'reject', 'requested', 'rejected'),
  ('cancelled', 2, 'cancel', 'requested', 'cancelled'),
  ('cancelled_approved', 3, 'cancel', 'approved', 'cancelled'),
  ('refunded', 5, 'refund', 'inspected', 'refunded'),
  ('exchanged', 5, 'exchange', 'inspected', 'exchanged'),
  ('closed_refund', 5, 'refund', 'inspected', 'refunded'),
  ('closed_refund', 6, 'close', 'refunded', 'closed'),
  ('closed_exchange', 5, 'exchange', 'inspected', 'exchanged'),
  ('closed_exchange', 6, 'close', 'exchanged', 'closed'),
  ('converted', 5, 'to_repair', 'inspected', 'converted');

-- Customer and times of each return. The one turned into a repair belongs to the repair's customer
-- and product, and its timeline ends just before the repair was made.
CREATE TEMPORARY TABLE demo_who ENGINE=InnoDB
SELECT d.n, (SELECT MAX(step) FROM demo_path p WHERE p.path = d.path) AS steps,
  IF(lr.id IS NULL, NOW() - INTERVAL d.hours_ago HOUR, lr.created_at - INTERVAL 150 HOUR) AS created_at,
  IF(lr.id IS NULL, NOW(), lr.created_at - INTERVAL 10 MINUTE) AS end_at,
  COALESCE(lr.customer_id, c.id) AS customer_id, COALESCE(lr.contact_name, c.name) AS contact_name,
  COALESCE(lr.contact_phone, c.phone) AS contact_phone, COALESCE(lr.address, c.address) AS address,
  COALESCE(lr.product, d.product) AS product, COALESCE(lr.serial_no, d.serial_no) AS serial_no, lr.purchase_date, lr.id AS repair_id
FROM demo_ret d
JOIN demo_cust c ON c.k = 1 + (d.n * 7) % @ncust
LEFT JOIN repairs lr ON d.status = 'converted' AND lr.id = @repair;

-- Numbers per day after the day's counter, as intake_number() takes them.
CREATE TEMPORARY TABLE demo_num ENGINE=InnoDB
SELECT w.n, DATE(w.created_at) AS day,
  COALESCE(dc.last, 0) + ROW_NUMBER() OVER (PARTITION BY DATE(w.created_at) ORDER BY w.n) AS seq
FROM demo_who w LEFT JOIN daily_counters dc ON dc.kind = 'T' AND dc.day = DATE(w.created_at);

INSERT INTO returns (public_no, customer_id, channel, contact_name, contact_phone, address, order_no, product,
  serial_no, purchase_date, bought_online, has_fault, amount_paid, kind, reason, status, due_at, decision_note,
  decision_exception, received_condition, inbound_logistics, inspection, inspection_notes, refund_amount,
  refund_method, refund_reference, refund_note, replacement_product, replacement_serial, outbound_logistics,
  new_repair_id, cancel_reason, created_by, created_at, updated_at, version)
SELECT CONCAT('T', DATE_FORMAT(m.day, '%Y%m%d'), '-', LPAD(m.seq, 4, '0')), w.customer_id, d.channel,
  w.contact_name, w.contact_phone, w.address, d.order_no, w.product, w.serial_no,
  COALESCE(w.purchase_date, DATE(w.created_at) - INTERVAL d.bought_days DAY), d.online, d.fault, d.paid, d.kind, d.reason, d.status,
  IF(d.status = 'requested', w.created_at + INTERVAL 24 HOUR, NULL), d.decision_note, d.exception,
  d.received_condition, d.inbound, d.inspection, d.inspection_notes, d.refund, d.refund_method,
  d.refund_reference, d.refund_note, IF(d.replacement_serial = '', '', w.product), d.replacement_serial,
  d.outbound, w.repair_id, d.cancel_reason,
  IF(d.channel = 'web', NULL, (SELECT id FROM users WHERE username = 'zhang_agent')), w.created_at, w.created_at,
  w.steps
FROM demo_ret d JOIN demo_who w ON w.n = d.n JOIN demo_num m ON m.n = d.n;

INSERT INTO daily_counters (kind, day, last)
SELECT 'T', day, MAX(seq) FROM demo_num GROUP BY day
ON DUPLICATE KEY UPDATE last = GREATEST(last, VALUES(last));

-- The timeline: steps spread evenly from the request to now (or to the repair it became).
CREATE TEMPORARY TABLE demo_ids ENGINE=InnoDB
SELECT d.n, r.id FROM demo_ret d JOIN demo_num m ON m.n = d.n
JOIN returns r ON r.public_no = CONCAT('T', DATE_FORMAT(m.day, '%Y%m%d'), '-', LPAD(m.seq, 4, '0'));

INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'return', i.id,
  w.created_at + INTERVAL (TIMESTAMPDIFF(MINUTE, w.created_at, w.end_at) * (p.step - 1) DIV w.steps) MINUTE,
  u.id, COALESCE(u.display_name, s.display_name, '客户'),
  IF(p.action = 'submit' AND d.channel <> 'web', 'intake', p.action), p.from_status, p.to_status,
  CASE p.action
    WHEN 'submit' THEN IF(d.channel = 'web', '', CONCAT(IF(d.channel = 'phone', '电话', '柜台'), '登记'))
    WHEN 'approve' THEN d.decision_note
    WHEN 'reject' THEN d.decision_note
    WHEN 'receive' THEN CONCAT(d.received_condition, IF(d.inbound = '', '', CONCAT('；寄回单号 ', d.inbound)))
    WHEN 'inspect' THEN d.inspection_notes
    WHEN 'refund' THEN CONCAT('退款 ¥', FORMAT(d.refund / 100, 2), '，', d.refund_reference,
                              IF(d.refund_note = '', '', CONCAT('；', d.refund_note)))
    WHEN 'exchange' THEN CONCAT('新机序列号 ', d.replacement_serial,
                                IF(d.outbound = '', '，客户到店/上门送达', CONCAT('，发货单号 ', d.outbound)))
    WHEN 'to_repair' THEN CONCAT('转为维修工单 ', (SELECT public_no FROM repairs WHERE id = w.repair_id))
    WHEN 'cancel' THEN d.cancel_reason
    ELSE '' END,
  CASE p.action
    WHEN 'submit' THEN '已收到您的退换货申请，我们会尽快审核'
    WHEN 'approve' THEN IF(d.kind = 'exchange', '申请已通过，请按短信提示寄回商品，我们收到后为您换货',
                           '申请已通过，请按短信提示寄回商品')
    WHEN 'reject' THEN d.decision_note
    WHEN 'receive' THEN '已收到您寄回的商品，正在检测'
    WHEN 'inspect' THEN '检测完成，正在为您处理'
    WHEN 'refund' THEN CONCAT('已退款 ¥', FORMAT(d.refund / 100, 2), '，预计 1-3 个工作日到账')
    WHEN 'exchange' THEN IF(d.outbound = '', '新商品已交付', CONCAT('新商品已发出，物流单号 ', d.outbound))
    WHEN 'to_repair' THEN CONCAT('已转为维修工单 ', (SELECT public_no FROM repairs WHERE id = w.repair_id),
                                 '，可用该单号查询维修进度')
    WHEN 'close' THEN '服务已完成，感谢您的支持'
    WHEN 'cancel' THEN '申请已取消'
    ELSE '' END,
  1
FROM demo_ret d JOIN demo_who w ON w.n = d.n JOIN demo_ids i ON i.n = d.n JOIN demo_path p ON p.path = d.path
-- the demo staff of scripts/stack.sh: the agent takes requests in and hands goods over, the supervisor
-- decides and refunds, the technician inspects
LEFT JOIN (SELECT 'zhang_agent' AS username, '张敏' AS display_name UNION ALL SELECT 'wang_sup', '王芳'
           UNION ALL SELECT 'li_tech', '李强') s ON s.username = CASE
  WHEN p.action = 'submit' AND d.channel <> 'web' THEN 'zhang_agent'
  WHEN p.action IN ('approve', 'reject', 'refund') THEN 'wang_sup'
  WHEN p.action = 'inspect' THEN 'li_tech'
  WHEN p.action IN ('receive', 'exchange', 'to_repair', 'close', 'cancel') THEN 'zhang_agent' END
LEFT JOIN users u ON u.username = s.username;

-- Who decided, received, inspected, refunded, exchanged and closed, and when: from the timeline.
UPDATE returns r JOIN demo_ids i ON i.id = r.id JOIN (
  SELECT subject_id,
    MAX(IF(action IN ('approve', 'reject'), at, NULL)) AS decided_at,
    MAX(IF(action IN ('approve', 'reject'), actor_id, NULL)) AS decided_by,
    MAX(IF(action = 'receive', at, NULL)) AS received_at,
    MAX(IF(action = 'inspect', at, NULL)) AS inspected_at,
    MAX(IF(action = 'inspect', actor_id, NULL)) AS inspected_by,
    MAX(IF(action = 'refund', at, NULL)) AS refunded_at,
    MAX(IF(action = 'exchange', at, NULL)) AS exchanged_at,
    MAX(IF(action = 'close', at, NULL)) AS closed_at,
    MAX(at) AS updated_at
  FROM events WHERE subject = 'return' GROUP BY subject_id) e ON e.subject_id = r.id
SET r.decided_at = e.decided_at, r.decided_by = e.decided_by, r.received_at = e.received_at,
  r.inspected_at = e.inspected_at, r.inspected_by = e.inspected_by, r.refunded_at = e.refunded_at,
  r.exchanged_at = e.exchanged_at, r.closed_at = e.closed_at, r.updated_at = e.updated_at,
  r.due_at = IF(r.status = 'inspected', e.inspected_at + INTERVAL 48 HOUR, r.due_at);

-- The repair made from the converted return points back at it, and says so on its timeline.
UPDATE repairs rp JOIN returns r ON r.new_repair_id = rp.id JOIN demo_ids i ON i.id = r.id
SET rp.return_id = r.id;
INSERT INTO events (subject, subject_id, at, actor_id, actor, action, from_status, to_status, note, public_note,
  is_public)
SELECT 'repair', rp.id, rp.created_at, u.id, COALESCE(u.display_name, '张敏'), 'note', '', '',
  CONCAT('由退换货申请 ', r.public_no, ' 转来：', r.inspection_notes), '', 0
FROM repairs rp JOIN returns r ON r.new_repair_id = rp.id JOIN demo_ids i ON i.id = r.id
LEFT JOIN users u ON u.username = 'zhang_agent';
