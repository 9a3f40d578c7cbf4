-- The demo records were loaded without the application: count them.
CALL status_counts_rebuild();
