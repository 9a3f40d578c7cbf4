-- A new repair has a due time from submission (the first-response limit, [sla] first_response_hours),
-- so the queue's "due soonest" order and its overdue filter count the ones nobody has accepted yet.
ALTER TABLE repairs
  MODIFY COLUMN open_due DATETIME AS (IF(status IN ('new','accepted','assigned','in_progress','waiting_parts'), due_at, NULL)) PERSISTENT;

-- 调休: the calendar's days are holidays (days off on a working weekday) or make-up working days
-- (a weekend day that works, around a public holiday); time limits count the latter as working days.
ALTER TABLE holidays
  ADD COLUMN kind ENUM('holiday','workday') NOT NULL DEFAULT 'holiday' AFTER day;
