-- The demo records were loaded without the application: give the resolved ones a fault category and
-- their working time, then build the reconciliation ledger from them.
UPDATE repairs r
  JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM repairs WHERE resolved_at IS NOT NULL) x ON x.id = r.id
   SET r.fault_category_id = (SELECT id FROM fault_categories ORDER BY sort LIMIT 1 OFFSET 0) + x.n % 5,
       r.resolve_minutes = LEAST(TIMESTAMPDIFF(MINUTE, r.created_at, r.resolved_at), 60 * 9 * 3 + 37 * x.n % 600),
       r.resolved_on_time = IF(r.due_at IS NULL, NULL, r.resolved_at <= r.due_at);
CALL reports_rebuild();
