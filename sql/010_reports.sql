-- Reports: the daily reconciliation's ledger, its sign-offs, and what repair reports group by.

-- One row per change that opens or finishes a repair, return or complaint, written in the change's
-- transaction (ledger.c): taken_in and reopened add one open record, a finish (metric = the status
-- reached: resolved, cancelled, rejected, refunded, exchanged, converted) takes one away. balance is
-- the count of open records of the kind and channel after the move, so a day's equation can be
-- checked move by move and a break points at the record where it happened.
CREATE TABLE report_moves (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  day DATE NOT NULL,
  at DATETIME NOT NULL,
  kind ENUM('repair','return','complaint') NOT NULL,
  channel VARCHAR(16) NOT NULL,
  record_id BIGINT UNSIGNED NOT NULL,
  metric VARCHAR(16) NOT NULL,
  balance BIGINT NOT NULL,
  -- 1 on the record's latest move: the daily check compares it with the record's status
  last TINYINT(1) NOT NULL DEFAULT 1,
  KEY report_moves_day (kind, day, channel, metric, id),
  KEY report_moves_record (kind, record_id, id),
  KEY report_moves_last (kind, day, last, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The same moves counted per day (metric taken_in, reopened or a finishing status), plus
-- metric 'open_at_end': the balance after the day's last move. A month of days is a few hundred rows.
CREATE TABLE report_days (
  kind ENUM('repair','return','complaint') NOT NULL,
  channel VARCHAR(16) NOT NULL,
  metric VARCHAR(16) NOT NULL,
  day DATE NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (kind, channel, metric, day),
  KEY report_days_day (day, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Open records now per kind and channel; its row lock orders the moves of one kind and channel.
CREATE TABLE report_balance (
  kind ENUM('repair','return','complaint') NOT NULL,
  channel VARCHAR(16) NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (kind, channel)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A supervisor's 核对确认 of a day; figures is what the page showed then, so a later change shows.
CREATE TABLE report_signoffs (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  day DATE NOT NULL,
  signed_by BIGINT UNSIGNED NOT NULL,
  signer VARCHAR(64) NOT NULL,
  signed_at DATETIME NOT NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  figures VARCHAR(4000) NOT NULL,
  KEY report_signoffs_day (day, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 故障分类: staff pick one when resolving a repair.
CREATE TABLE fault_categories (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(32) NOT NULL,
  sort INT NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY fault_categories_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO fault_categories (name, sort) VALUES
  ('电源/电路', 10), ('电机/压缩机', 20), ('控制板/软件', 30), ('制冷/制热', 40), ('漏水/漏气', 50),
  ('噪音/振动', 60), ('外观/结构', 70), ('安装问题', 80), ('使用不当', 90), ('未发现故障', 100), ('其他', 999);

-- At resolution: the category, the working minutes from submission to resolution, and whether
-- the time limit was met (NULL when the job never had one).
ALTER TABLE repairs
  ADD COLUMN fault_category_id BIGINT UNSIGNED NULL AFTER warranty_repair,
  ADD COLUMN resolve_minutes INT UNSIGNED NULL AFTER resolved_at,
  ADD COLUMN resolved_on_time TINYINT(1) NULL AFTER resolve_minutes;

-- Builds the ledger again from the records as they are now: one taken_in move at creation and, for a
-- finished record, one finishing move at the time its record gives. For data loaded without the
-- application (an upgrade from before this migration, bench/gen_*.sh); the application itself keeps
-- the ledger move by move. A reopened complaint counts as never finished.
DELIMITER //
CREATE OR REPLACE PROCEDURE reports_rebuild()
BEGIN
  DELETE FROM report_moves;
  DELETE FROM report_days;
  DELETE FROM report_balance;
  CREATE OR REPLACE TEMPORARY TABLE rebuild_moves (
    at DATETIME NOT NULL, kind VARCHAR(16) NOT NULL, channel VARCHAR(16) NOT NULL,
    record_id BIGINT UNSIGNED NOT NULL, metric VARCHAR(16) NOT NULL, delta TINYINT NOT NULL);
  INSERT INTO rebuild_moves
    SELECT created_at, 'repair', channel, id, 'taken_in', 1 FROM repairs
    UNION ALL
    SELECT COALESCE(resolved_at, closed_at, updated_at), 'repair', channel, id, 'resolved', -1 FROM repairs
     WHERE status IN ('resolved', 'closed')
    UNION ALL
    SELECT updated_at, 'repair', channel, id, 'cancelled', -1 FROM repairs WHERE status = 'cancelled'
    UNION ALL
    SELECT created_at, 'return', channel, id, 'taken_in', 1 FROM returns
    UNION ALL
    SELECT COALESCE(decided_at, updated_at), 'return', channel, id, 'rejected', -1 FROM returns WHERE status = 'rejected'
    UNION ALL
    SELECT COALESCE(refunded_at, closed_at, updated_at), 'return', channel, id, 'refunded', -1 FROM returns
     WHERE status = 'refunded' OR (status = 'closed' AND refunded_at IS NOT NULL)
    UNION ALL
    SELECT COALESCE(exchanged_at, closed_at, updated_at), 'return', channel, id, 'exchanged', -1 FROM returns
     WHERE status = 'exchanged' OR (status = 'closed' AND refunded_at IS NULL)
    UNION ALL
    SELECT updated_at, 'return', channel, id, status, -1 FROM returns WHERE status IN ('converted', 'cancelled')
    UNION ALL
    SELECT created_at, 'complaint', source, id, 'taken_in', 1 FROM complaints
    UNION ALL
    SELECT COALESCE(resolved_at, closed_at, updated_at), 'complaint', source, id, 'resolved', -1 FROM complaints
     WHERE status IN ('resolved', 'closed');
  INSERT INTO report_moves (day, at, kind, channel, record_id, metric, balance, last)
    SELECT DATE(at), at, kind, channel, record_id, metric,
           SUM(delta) OVER (PARTITION BY kind, channel ORDER BY at, delta DESC, record_id ROWS UNBOUNDED PRECEDING),
           ROW_NUMBER() OVER (PARTITION BY kind, record_id ORDER BY at DESC, delta) = 1
      FROM rebuild_moves ORDER BY at, delta DESC, record_id;
  DROP TEMPORARY TABLE rebuild_moves;
  INSERT INTO report_days (kind, channel, metric, day, n)
    SELECT kind, channel, metric, day, COUNT(*) FROM report_moves GROUP BY kind, channel, metric, day;
  INSERT INTO report_days (kind, channel, metric, day, n)
    SELECT m.kind, m.channel, 'open_at_end', m.day, m.balance FROM report_moves m
      JOIN (SELECT MAX(id) AS id FROM report_moves GROUP BY kind, channel, day) x ON x.id = m.id;
  INSERT INTO report_balance (kind, channel, n)
    SELECT m.kind, m.channel, m.balance FROM report_moves m
      JOIN (SELECT MAX(id) AS id FROM report_moves GROUP BY kind, channel) x ON x.id = m.id;
END //
DELIMITER ;

CALL reports_rebuild();
