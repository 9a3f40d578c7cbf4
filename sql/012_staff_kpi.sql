-- Staff KPIs (业务考核): one row per person and month, added to in the same transaction as each change
-- that counts (cgi-bin/kpi_db.c), so the monthly page reads a few rows instead of a month of a
-- million-repair table. kpi_rebuild() makes it again from the records.
--   jobs, on_time, timed: repairs resolved as assignee in the month; timed = those that had a time
--     limit, on_time = those resolved within it.
--   resolve_minutes, minutes_jobs: the sum of the working minutes to resolve and the number of jobs
--     that have them (older and generated rows have none and stay out of the average).
--   labour_minutes: labour the person logged, by the labour's work date.
--   ratings, *_sum: satisfaction ratings of jobs the person did (technician) or took in (agent),
--     counted once per person, by the rating's date.
--   complaints: complaints naming the person responsible, by the complaint's creation date.
--   repeats: later intakes of the same serial within 90 days of a job of theirs, in the month that
--     earlier job was resolved (the latest earlier job only, the one repairs.repeat_of names;
--     earlier = a lower id, as times have whole seconds).
CREATE TABLE staff_months (
  month DATE NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  jobs BIGINT NOT NULL DEFAULT 0,
  on_time BIGINT NOT NULL DEFAULT 0,
  timed BIGINT NOT NULL DEFAULT 0,
  resolve_minutes BIGINT NOT NULL DEFAULT 0,
  minutes_jobs BIGINT NOT NULL DEFAULT 0,
  labour_minutes BIGINT NOT NULL DEFAULT 0,
  ratings BIGINT NOT NULL DEFAULT 0,
  attitude_sum BIGINT NOT NULL DEFAULT 0,
  timeliness_sum BIGINT NOT NULL DEFAULT 0,
  quality_sum BIGINT NOT NULL DEFAULT 0,
  complaints BIGINT NOT NULL DEFAULT 0,
  repeats BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (month, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One person's satisfaction chart counts their month's scores from the index alone.
ALTER TABLE satisfaction ADD KEY satisfaction_created_scores (created_at, attitude, timeliness, quality);
-- Everyone's chart: how many ratings of a month gave 1..5 for attitude (a1..a5), timeliness (t) and
-- quality (q), added to in the rating's transaction (kpi_rating_scores), so the page reads one row.
CREATE TABLE rating_months (
  month DATE NOT NULL PRIMARY KEY,
  a1 INT NOT NULL DEFAULT 0,
  a2 INT NOT NULL DEFAULT 0,
  a3 INT NOT NULL DEFAULT 0,
  a4 INT NOT NULL DEFAULT 0,
  a5 INT NOT NULL DEFAULT 0,
  t1 INT NOT NULL DEFAULT 0,
  t2 INT NOT NULL DEFAULT 0,
  t3 INT NOT NULL DEFAULT 0,
  t4 INT NOT NULL DEFAULT 0,
  t5 INT NOT NULL DEFAULT 0,
  q1 INT NOT NULL DEFAULT 0,
  q2 INT NOT NULL DEFAULT 0,
  q3 INT NOT NULL DEFAULT 0,
  q4 INT NOT NULL DEFAULT 0,
  q5 INT NOT NULL DEFAULT 0
) ENGINE=InnoDB;

-- The same figures from the records as they are now, for data loaded without the application (an
-- upgrade, bench/gen_*.sh) and to check the live counting. The rules are those of kpi_db.c.
DELIMITER //
CREATE OR REPLACE PROCEDURE kpi_rebuild()
BEGIN
  CREATE OR REPLACE TEMPORARY TABLE kpi_parts (
    month DATE NOT NULL, user_id BIGINT UNSIGNED NOT NULL,
    jobs BIGINT NOT NULL DEFAULT 0, on_time BIGINT NOT NULL DEFAULT 0, timed BIGINT NOT NULL DEFAULT 0,
    resolve_minutes BIGINT NOT NULL DEFAULT 0, minutes_jobs BIGINT NOT NULL DEFAULT 0,
    labour_minutes BIGINT NOT NULL DEFAULT 0, ratings BIGINT NOT NULL DEFAULT 0,
    attitude_sum BIGINT NOT NULL DEFAULT 0, timeliness_sum BIGINT NOT NULL DEFAULT 0,
    quality_sum BIGINT NOT NULL DEFAULT 0, complaints BIGINT NOT NULL DEFAULT 0, repeats BIGINT NOT NULL DEFAULT 0);
  INSERT INTO kpi_parts (month, user_id, jobs, on_time, timed, resolve_minutes, minutes_jobs)
    SELECT DATE_FORMAT(resolved_at, '%Y-%m-01'), assignee_id, COUNT(*), COALESCE(SUM(resolved_on_time = 1), 0),
           COUNT(resolved_on_time), COALESCE(SUM(resolve_minutes), 0), COUNT(resolve_minutes)
      FROM repairs WHERE resolved_at IS NOT NULL AND assignee_id IS NOT NULL GROUP BY 1, 2;
  INSERT INTO kpi_parts (month, user_id, labour_minutes)
    SELECT DATE_FORMAT(work_date, '%Y-%m-01'), user_id, SUM(minutes) FROM repair_labour GROUP BY 1, 2;
  INSERT INTO kpi_parts (month, user_id, ratings, attitude_sum, timeliness_sum, quality_sum)
    SELECT DATE_FORMAT(created_at, '%Y-%m-01'), person, COUNT(*), SUM(attitude), SUM(timeliness), SUM(quality)
      FROM (SELECT created_at, technician_id AS person, attitude, timeliness, quality FROM satisfaction
             WHERE technician_id IS NOT NULL
            UNION ALL
            SELECT created_at, agent_id, attitude, timeliness, quality FROM satisfaction
             WHERE agent_id IS NOT NULL AND agent_id <> COALESCE(technician_id, 0)) s
     GROUP BY 1, 2;
  INSERT INTO kpi_parts (month, user_id, complaints)
    SELECT DATE_FORMAT(created_at, '%Y-%m-01'), responsible_id, COUNT(*) FROM complaints
     WHERE responsible_id IS NOT NULL GROUP BY 1, 2;
  INSERT INTO kpi_parts (month, user_id, repeats)
    SELECT DATE_FORMAT(resolved_at, '%Y-%m-01'), assignee_id, COUNT(*) FROM (
      SELECT p.resolved_at, p.assignee_id,
             ROW_NUMBER() OVER (PARTITION BY n.id ORDER BY p.resolved_at DESC, p.id DESC) AS latest
        FROM repairs n JOIN repairs p ON p.serial_no = n.serial_no AND p.id < n.id
         AND p.resolved_at <= n.created_at AND p.resolved_at >= n.created_at - INTERVAL 90 DAY
       WHERE n.serial_no <> '') x
     WHERE x.latest = 1 AND x.assignee_id IS NOT NULL GROUP BY 1, 2;
  DELETE FROM staff_months;
  INSERT INTO staff_months (month, user_id, jobs, on_time, timed, resolve_minutes, minutes_jobs, labour_minutes,
                            ratings, attitude_sum, timeliness_sum, quality_sum, complaints, repeats)
    SELECT month, user_id, SUM(jobs), SUM(on_time), SUM(timed), SUM(resolve_minutes), SUM(minutes_jobs),
           SUM(labour_minutes), SUM(ratings), SUM(attitude_sum), SUM(timeliness_sum), SUM(quality_sum),
           SUM(complaints), SUM(repeats)
      FROM kpi_parts GROUP BY month, user_id;
  DROP TEMPORARY TABLE kpi_parts;
  DELETE FROM rating_months;
  INSERT INTO rating_months (month, a1, a2, a3, a4, a5, t1, t2, t3, t4, t5, q1, q2, q3, q4, q5)
    SELECT DATE_FORMAT(created_at, '%Y-%m-01'), SUM(attitude = 1), SUM(attitude = 2), SUM(attitude = 3), SUM(attitude = 4), SUM(attitude = 5), SUM(timeliness = 1), SUM(timeliness = 2), SUM(timeliness = 3), SUM(timeliness = 4), SUM(timeliness = 5), SUM(quality = 1), SUM(quality = 2), SUM(quality = 3), SUM(quality = 4), SUM(quality = 5)
      FROM satisfaction GROUP BY 1;
END //
DELIMITER ;

CALL kpi_rebuild();
