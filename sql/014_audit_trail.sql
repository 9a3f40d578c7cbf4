-- The audit page (/admin/audit) pages by id DESC and filters by person (audit_actor), action
-- (audit_action), record and date range. A record's entries are read from (target, id); a date range
-- is turned into its first and last id through (at), so every filter walks the newest entries of one
-- index, however many millions of rows the trail holds.
ALTER TABLE audit_log ADD KEY audit_target (target, id), ADD KEY audit_at (at);
