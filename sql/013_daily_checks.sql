-- The daily reconciliation's check "created on the day but never taken in" reads complaints by
-- creation time, as it reads repairs and returns (repairs_created, returns_created).
ALTER TABLE complaints ADD KEY complaints_created (created_at, id);
-- The balance chain of a day reads the day's moves in id order from this index alone.
ALTER TABLE report_moves ADD KEY report_moves_chain (kind, day, id, channel, metric, balance);
