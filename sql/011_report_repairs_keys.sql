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
