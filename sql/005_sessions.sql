-- The list of one's own sessions: a number to name a session in a page and a form (the token's
-- hash never leaves the server), and the browser it was started from (at most 255 characters).
ALTER TABLE sessions
  ADD COLUMN id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  ADD COLUMN user_agent VARCHAR(255) NOT NULL DEFAULT '',
  ADD UNIQUE KEY sessions_id (id);
