-- How many repairs, returns, complaints and callbacks are in each status now, kept by event_record
-- in each change's own transaction (cgi-bin/status_counts.c), so the staff home reads a few rows
-- instead of counting index entries on every visit.
CREATE TABLE status_counts (
  kind VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (kind, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The counts again from the records, for data loaded without the application.
DELIMITER //
CREATE OR REPLACE PROCEDURE status_counts_rebuild()
BEGIN
  DELETE FROM status_counts;
  INSERT INTO status_counts (kind, status, n)
    SELECT 'repair', status, COUNT(*) FROM repairs GROUP BY status
    UNION ALL SELECT 'return', status, COUNT(*) FROM returns GROUP BY status
    UNION ALL SELECT 'complaint', status, COUNT(*) FROM complaints GROUP BY status
    UNION ALL SELECT 'callback', status, COUNT(*) FROM callbacks GROUP BY status;
END //
DELIMITER ;

CALL status_counts_rebuild();
