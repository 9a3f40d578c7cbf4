-- The duty roster (值班表): shift types, who works which shift on which day, shift swaps (调班),
-- handovers (交接班) and the duty officer's notes. A shift's times are minutes after midnight; an
-- end at or before the start means the next day (a night shift 22:00-08:00).
CREATE TABLE shift_types (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(32) NOT NULL,
  start_min SMALLINT UNSIGNED NOT NULL,
  end_min SMALLINT UNSIGNED NOT NULL,
  -- the roles it needs, a comma list of role codes (empty: any staff)
  roles VARCHAR(64) NOT NULL DEFAULT '',
  min_staff INT UNSIGNED NOT NULL DEFAULT 1,
  duty_officer TINYINT(1) NOT NULL DEFAULT 0,
  color CHAR(7) NOT NULL DEFAULT '#1f6feb',
  active TINYINT(1) NOT NULL DEFAULT 1,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY shift_types_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE roster (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  shift_type_id BIGINT UNSIGNED NOT NULL,
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY roster_user_day_shift (user_id, day, shift_type_id),
  KEY roster_day (day, shift_type_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per month that was edited: its version makes two editors of the same month see each
-- other's change instead of overwriting it.
CREATE TABLE roster_months (
  month CHAR(7) PRIMARY KEY,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  updated_at DATETIME NOT NULL
) ENGINE=InnoDB;

CREATE TABLE shift_swaps (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  requester_id BIGINT UNSIGNED NOT NULL,
  requester_roster_id BIGINT UNSIGNED NOT NULL,
  colleague_id BIGINT UNSIGNED NOT NULL,
  -- the colleague's shift given in exchange; NULL: the requester's shift is handed over
  colleague_roster_id BIGINT UNSIGNED NULL,
  reason VARCHAR(500) NOT NULL DEFAULT '',
  status ENUM('requested','accepted','declined','approved','rejected','cancelled') NOT NULL DEFAULT 'requested',
  decided_by BIGINT UNSIGNED NULL,
  decision_note VARCHAR(500) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  KEY shift_swaps_requester (requester_id, id),
  KEY shift_swaps_colleague (colleague_id, id),
  KEY shift_swaps_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE handovers (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  day DATE NOT NULL,
  shift_type_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  -- what was open when it was written, as the page showed it
  open_items TEXT NOT NULL,
  notes VARCHAR(4000) NOT NULL DEFAULT '',
  acknowledged_by BIGINT UNSIGNED NULL,
  acknowledged_at DATETIME NULL,
  created_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  KEY handovers_day (day, shift_type_id),
  KEY handovers_open (acknowledged_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE duty_notes (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  day DATE NOT NULL,
  shift_type_id BIGINT UNSIGNED NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  note VARCHAR(2000) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY duty_notes_day (day, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE events MODIFY subject ENUM('repair','return','callback','complaint','swap','handover') NOT NULL;

-- The secret of a user's calendar feed (/ical/<token>.ics); NULL until asked for, reset anew.
ALTER TABLE users ADD COLUMN ical_token CHAR(64) NULL, ADD UNIQUE KEY users_ical_token (ical_token);
