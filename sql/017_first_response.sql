-- A new repair has a due time from submission (the first-response limit, [sla] first_response_hours),
-- so the queue's "due soonest" order and its overdue filter count the ones nobody has accepted yet.
ALTER TABLE repairs
  MODIFY COLUMN open_due DATETIME AS (IF(status IN ('new','accepted','assigned','in_progress','waiting_parts'), due_at, NULL)) PERSISTENT;
