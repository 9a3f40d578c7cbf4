-- The repair report (维修报表) reads a month of about 83,000 repairs several times over: by the day
-- they came in (product, channel, serial for repeats) and by the day they were resolved (category,
-- technician, warranty, time limit, minutes, costs). These covering keys let each of those reads be a
-- range scan of one index, without a row lookup per repair; repairs_serial_resolved answers "was
-- this serial resolved in the 90 days before" from the key alone.
ALTER TABLE repairs
  ADD KEY repairs_created_report (created_at, channel, product, serial_no),
  ADD KEY repairs_resolved_report (resolved_at, assignee_id, fault_category_id, warranty_repair, resolved_on_time,
                                   resolve_minutes, labour_cost, parts_cost),
  ADD KEY repairs_serial_resolved (serial_no, resolved_at, id);

-- 返修: a repair's repeat_of is the latest earlier repair of its serial resolved in the 90 days
-- before it came in, set at intake (repair_insert_row); the report reads the range's repeats from
-- repairs_repeats instead of looking up each repair's serial.
ALTER TABLE repairs
  ADD COLUMN repeat_of BIGINT UNSIGNED NULL,
  ADD KEY repairs_repeats (created_at, repeat_of);
UPDATE repairs n
  JOIN (SELECT n.id, p.id AS earlier,
               ROW_NUMBER() OVER (PARTITION BY n.id ORDER BY p.resolved_at DESC, p.id DESC) AS latest
          FROM repairs n JOIN repairs p ON p.serial_no = n.serial_no AND p.id < n.id
           AND p.resolved_at <= n.created_at AND p.resolved_at >= n.created_at - INTERVAL 90 DAY
         WHERE n.serial_no <> '') x ON x.id = n.id AND x.latest = 1
   SET n.repeat_of = x.earlier;
