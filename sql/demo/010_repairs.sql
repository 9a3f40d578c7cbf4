-- Demo data for ./run.sh: products, holidays, customers and repairs in every status with their
-- timelines. Numbers end in 9001.. so they never meet the daily counter of real submissions.
INSERT IGNORE INTO products (name, warranty_months) VALUES
  ('空调', 36), ('洗衣机', 24), ('冰箱', 36), ('电视', 12), ('热水器', 24), ('笔记本电脑', 12);

INSERT IGNORE INTO holidays (day, name) VALUES
  ('2026-01-01', '元旦'), ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-05', '国庆节'),
  ('2027-01-01', '元旦'), ('2027-02-05', '春节'), ('2027-02-08', '春节'), ('2027-02-09', '春节');

INSERT INTO customers (name, phone, email, address, notes, created_at, updated_at)
SELECT ELT(1 + seq % 12, '王伟', '李娜', '张静', '刘洋', '陈杰', '杨敏', '赵磊', '黄丽', '周强', '吴芳', '徐涛', '孙艳'),
       CONCAT('139', LPAD(10000000 + seq * 7919, 8, '0')),
       IF(seq % 3 = 0, CONCAT('user', seq, '@example.com'), ''),
       CONCAT(ELT(1 + seq % 4, '北京市朝阳区建国路', '上海市浦东新区世纪大道', '广州市天河区天河路', '成都市武侯区人民南路'), seq, '号'),
       IF(seq % 5 = 0, '老客户，偏好周末上门', ''),
       NOW() - INTERVAL (40 - seq) DAY, NOW() - INTERVAL (40 - seq) DAY
FROM seq_1_to_24;

-- 40 repairs: statuses cycle through all eight; technicians from the demo staff when they exist.
INSERT INTO repairs (public_no, customer_id, channel, contact_name, contact_phone, address, product, model,
  serial_no, purchase_date, warranty_until, fault, preferred_time, status, priority, assignee_id, visit_at,
  due_at, sla_paused_minutes, result, parts_used, labour_cost, parts_cost, warranty_repair, labour_minutes,
  cancel_reason, created_at, updated_at, resolved_at, closed_at)
SELECT CONCAT('R', DATE_FORMAT(NOW() - INTERVAL (s.seq DIV 2) DAY, '%Y%m%d'), '-', 9000 + s.seq),
  c.id, ELT(1 + s.seq % 3, 'web', 'phone', 'counter'), c.name, c.phone, c.address,
  ELT(1 + s.seq % 6, '空调', '洗衣机', '冰箱', '电视', '热水器', '笔记本电脑'),
  CONCAT('M-', 100 + s.seq), CONCAT('SN', 202600000 + s.seq * 37),
  CURDATE() - INTERVAL (s.seq * 40) DAY, CURDATE() - INTERVAL (s.seq * 40) DAY + INTERVAL 24 MONTH,
  ELT(1 + s.seq % 5, '开机后不制冷，外机不转', '脱水时噪音很大', '冷藏室结冰', '屏幕有横线', '加热很慢，水温不稳定'),
  IF(s.seq % 2 = 0, '工作日下午', '周末上午'),
  ELT(1 + s.seq % 8, 'new', 'accepted', 'assigned', 'in_progress', 'waiting_parts', 'resolved', 'closed', 'cancelled'),
  ELT(1 + s.seq % 4, 'normal', 'high', 'low', 'urgent'),
  IF(s.seq % 8 BETWEEN 2 AND 6, (SELECT id FROM users WHERE username = IF(s.seq % 2 = 0, 'li_tech', 'zhao_tech')), NULL),
  IF(s.seq % 8 BETWEEN 2 AND 6, TIMESTAMP(CURDATE() + INTERVAL (s.seq % 3) DAY, IF(s.seq % 2 = 0, '10:00:00', '14:30:00')), NULL),
  IF(s.seq % 8 BETWEEN 1 AND 7, NOW() + INTERVAL (IF(s.seq % 5 = 0, -10, 20) - CAST(s.seq AS SIGNED)) HOUR, NULL),
  IF(s.seq % 8 = 4, 600, NULL),
  IF(s.seq % 8 IN (5, 6), '更换故障部件，试机正常', ''),
  IF(s.seq % 8 IN (5, 6), '主板 x1', ''),
  IF(s.seq % 8 IN (5, 6), 80.00, NULL), IF(s.seq % 8 IN (5, 6), 260.00, NULL),
  IF(s.seq % 8 IN (5, 6), s.seq % 2, NULL),
  IF(s.seq % 8 BETWEEN 3 AND 6, 30 + s.seq * 5, 0),
  IF(s.seq % 8 = 7, '客户已自行处理', ''),
  NOW() - INTERVAL (s.seq DIV 2) DAY - INTERVAL 3 HOUR, NOW() - INTERVAL (s.seq DIV 2) DAY,
  IF(s.seq % 8 IN (5, 6), NOW() - INTERVAL (s.seq DIV 2) DAY, NULL),
  IF(s.seq % 8 = 6, NOW() - INTERVAL (s.seq DIV 2) DAY, NULL)
FROM seq_0_to_39 s JOIN customers c ON c.id = (SELECT MIN(id) FROM customers) + s.seq % 24;

INSERT INTO events (subject, subject_id, at, actor, action, from_status, to_status, note, public_note, is_public)
SELECT 'repair', id, created_at, '客户', 'submit', '', 'new', '', '已收到您的报修申请', 1 FROM repairs
WHERE public_no REGEXP '-9[0-9]{3}$';
INSERT INTO events (subject, subject_id, at, actor, action, from_status, to_status, note, public_note, is_public)
SELECT 'repair', id, created_at + INTERVAL 1 HOUR, '张敏', IF(status = 'cancelled', 'cancel', 'accept'), 'new',
  IF(status = 'cancelled', 'cancelled', 'accepted'), IF(status = 'cancelled', cancel_reason, ''),
  IF(status = 'cancelled', '工单已取消', '已受理，我们会尽快安排维修人员'), 1
FROM repairs WHERE public_no REGEXP '-9[0-9]{3}$' AND status <> 'new';
INSERT INTO events (subject, subject_id, at, actor, action, from_status, to_status, note, public_note, is_public)
SELECT 'repair', r.id, r.created_at + INTERVAL 2 HOUR, '王芳', 'assign', 'accepted', 'assigned',
  CONCAT('派给 ', u.display_name), '已安排维修人员', 1
FROM repairs r JOIN users u ON u.id = r.assignee_id WHERE r.public_no REGEXP '-9[0-9]{3}$';
