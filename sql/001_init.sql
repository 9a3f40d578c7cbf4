-- Foundation: staff accounts, sessions, login throttling and the audit trail.
CREATE TABLE users (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(32) NOT NULL,
  display_name VARCHAR(64) NOT NULL,
  role ENUM('admin','supervisor','agent','technician') NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  UNIQUE KEY users_username (username),
  KEY users_role (role, active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- token_hash is BLAKE2b of the cookie's token: a leaked table does not hand out sessions.
CREATE TABLE sessions (
  token_hash BINARY(32) PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  csrf CHAR(64) NOT NULL,
  created_at DATETIME NOT NULL,
  last_seen DATETIME NOT NULL,
  ip VARCHAR(64) NOT NULL DEFAULT '',
  KEY sessions_user (user_id),
  KEY sessions_last_seen (last_seen),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- key_name is "u:<username>" or "a:<address>".
CREATE TABLE login_throttle (
  key_name VARCHAR(80) PRIMARY KEY,
  failures INT NOT NULL,
  window_start DATETIME NOT NULL,
  locked_until DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  at DATETIME NOT NULL,
  actor_id BIGINT UNSIGNED NULL,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(32) NOT NULL,
  target VARCHAR(64) NOT NULL DEFAULT '',
  detail VARCHAR(255) NOT NULL DEFAULT '',
  ip VARCHAR(64) NOT NULL DEFAULT '',
  KEY audit_action (action, id),
  KEY audit_actor (actor_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
