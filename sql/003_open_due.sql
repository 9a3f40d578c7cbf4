-- The queue's "due soonest" order reads this index in order: due_at of the repairs still being
-- worked on, NULL for new, resolved, closed and cancelled ones, so those cost nothing to skip.
ALTER TABLE repairs
  ADD COLUMN open_due DATETIME AS (IF(status IN ('accepted','assigned','in_progress','waiting_parts'), due_at, NULL)) PERSISTENT,
  ADD KEY repairs_open_due (open_due, id);
