-- Callbacks (回访), satisfaction (满意度) and complaints (投诉). A callback is about a repair, a
-- return, or a customer as a whole (subject 'customer', subject_id = the customer). Scores are
-- kept per dimension in satisfaction, attributed to the technician and the agent of the job.
CREATE TABLE callbacks (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  subject ENUM('repair','return','customer') NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  customer_id BIGINT UNSIGNED NOT NULL,
  -- why it was made: a finished job, a supervisor by hand or in bulk, a complaint's follow-up
  reason ENUM('resolved','refunded','exchanged','manual','bulk','complaint') NOT NULL,
  complaint_id BIGINT UNSIGNED NULL,
  status ENUM('due','taken','done','unreachable','cancelled') NOT NULL DEFAULT 'due',
  due_at DATETIME NOT NULL,
  attempts INT UNSIGNED NOT NULL DEFAULT 0,
  taken_by BIGINT UNSIGNED NULL,
  taken_at DATETIME NULL,
  outcome ENUM('reached','no_answer','busy','wrong_number','refused','answered_online') NULL,
  note VARCHAR(1000) NOT NULL DEFAULT '',
  technician_id BIGINT UNSIGNED NULL,
  agent_id BIGINT UNSIGNED NULL,
  done_by BIGINT UNSIGNED NULL,
  done_at DATETIME NULL,
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  -- due_at of the callbacks still to be made (due or taken), NULL for finished ones
  open_due DATETIME AS (IF(status IN ('due','taken'), due_at, NULL)) PERSISTENT,
  KEY callbacks_open_due (open_due, id),
  KEY callbacks_taken (taken_by, status, id),
  KEY callbacks_subject (subject, subject_id, id),
  KEY callbacks_customer (customer_id, id),
  KEY callbacks_status (status, id),
  KEY callbacks_complaint (complaint_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per rating: by phone on a callback, or online on /track (once per request: online_id
-- is the subject's id for an online rating and NULL otherwise, so the unique key holds only there).
CREATE TABLE satisfaction (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  subject ENUM('repair','return','customer') NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  callback_id BIGINT UNSIGNED NULL,
  source ENUM('phone','online') NOT NULL,
  online_id BIGINT UNSIGNED NULL,
  attitude TINYINT UNSIGNED NOT NULL,
  timeliness TINYINT UNSIGNED NOT NULL,
  quality TINYINT UNSIGNED NOT NULL,
  overall TINYINT UNSIGNED NOT NULL,
  solved TINYINT(1) NOT NULL,
  comment VARCHAR(1000) NOT NULL DEFAULT '',
  technician_id BIGINT UNSIGNED NULL,
  agent_id BIGINT UNSIGNED NULL,
  recorded_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY satisfaction_online (subject, online_id),
  KEY satisfaction_subject (subject, subject_id),
  KEY satisfaction_technician (technician_id, created_at),
  KEY satisfaction_agent (agent_id, created_at),
  KEY satisfaction_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE complaints (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  public_no VARCHAR(24) NOT NULL,
  subject ENUM('repair','return','customer') NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  customer_id BIGINT UNSIGNED NOT NULL,
  callback_id BIGINT UNSIGNED NULL,
  satisfaction_id BIGINT UNSIGNED NULL,
  source ENUM('low_score','not_solved','phone','online') NOT NULL,
  description VARCHAR(2000) NOT NULL,
  status ENUM('open','investigating','resolved','closed','reopened') NOT NULL DEFAULT 'open',
  handler_id BIGINT UNSIGNED NULL,
  response_due DATETIME NOT NULL,
  responded_at DATETIME NULL,
  resolve_due DATETIME NOT NULL,
  resolved_at DATETIME NULL,
  cause VARCHAR(2000) NOT NULL DEFAULT '',
  measures VARCHAR(2000) NOT NULL DEFAULT '',
  responsible_id BIGINT UNSIGNED NULL,
  followup_callback_id BIGINT UNSIGNED NULL,
  closed_at DATETIME NULL,
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  -- the next time limit of a complaint still open: the first response, then the resolution
  open_due DATETIME AS (IF(status IN ('open'), response_due,
                        IF(status IN ('investigating','reopened'), resolve_due, NULL))) PERSISTENT,
  UNIQUE KEY complaints_public_no (public_no),
  KEY complaints_status (status, id),
  KEY complaints_open_due (open_due, id),
  KEY complaints_subject (subject, subject_id),
  KEY complaints_customer (customer_id, id),
  KEY complaints_responsible (responsible_id, resolved_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE events MODIFY subject ENUM('repair','return','callback','complaint') NOT NULL;

-- A wrong number found on a callback: the customer record asks for a correction until the phone
-- is changed.
ALTER TABLE customers ADD COLUMN phone_flagged_at DATETIME NULL;
