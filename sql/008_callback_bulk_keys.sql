-- Regular callbacks scheduled in bulk (定期回访, cgi-bin/callback_bulk.c) read the finished repairs of a
-- product or of a range of days, and the callbacks made or given up in the last N days, as ranges of
-- these keys rather than whole tables.
ALTER TABLE repairs ADD KEY repairs_product (product, status, customer_id), ADD KEY repairs_resolved (resolved_at);
ALTER TABLE callbacks ADD KEY callbacks_done (done_at, status, customer_id);
