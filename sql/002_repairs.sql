-- Repairs: customers, products with warranty periods, work orders, their timeline, labour,
-- daily public numbers, one-time form tokens and the holiday calendar for time limits.
CREATE TABLE customers (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  phone VARCHAR(24) NOT NULL,
  email VARCHAR(128) NOT NULL DEFAULT '',
  address VARCHAR(255) NOT NULL DEFAULT '',
  notes VARCHAR(1000) NOT NULL DEFAULT '',
  anonymised TINYINT(1) NOT NULL DEFAULT 0,
  merged_into BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  KEY customers_phone (phone),
  KEY customers_name (name),
  KEY customers_updated (updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE products (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  warranty_months INT UNSIGNED NOT NULL DEFAULT 12,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY products_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE repairs (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  public_no VARCHAR(16) NOT NULL,
  customer_id BIGINT UNSIGNED NOT NULL,
  channel ENUM('web','phone','counter') NOT NULL DEFAULT 'web',
  contact_name VARCHAR(64) NOT NULL,
  contact_phone VARCHAR(24) NOT NULL,
  address VARCHAR(255) NOT NULL,
  product VARCHAR(64) NOT NULL,
  model VARCHAR(64) NOT NULL DEFAULT '',
  serial_no VARCHAR(64) NOT NULL DEFAULT '',
  purchase_date DATE NULL,
  warranty_until DATE NULL,
  fault VARCHAR(2000) NOT NULL,
  preferred_time VARCHAR(64) NOT NULL DEFAULT '',
  status ENUM('new','accepted','assigned','in_progress','waiting_parts','resolved','closed','cancelled') NOT NULL DEFAULT 'new',
  priority ENUM('low','normal','high','urgent') NOT NULL DEFAULT 'normal',
  assignee_id BIGINT UNSIGNED NULL,
  visit_at DATETIME NULL,
  due_at DATETIME NULL,
  sla_paused_minutes INT NULL,
  result VARCHAR(2000) NOT NULL DEFAULT '',
  parts_used VARCHAR(1000) NOT NULL DEFAULT '',
  labour_cost DECIMAL(10,2) NULL,
  parts_cost DECIMAL(10,2) NULL,
  warranty_repair TINYINT(1) NULL,
  labour_minutes INT UNSIGNED NOT NULL DEFAULT 0,
  cancel_reason VARCHAR(500) NOT NULL DEFAULT '',
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  resolved_at DATETIME NULL,
  closed_at DATETIME NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  UNIQUE KEY repairs_public_no (public_no),
  KEY repairs_status (status, id),
  KEY repairs_assignee (assignee_id, status, id),
  KEY repairs_customer (customer_id, id),
  KEY repairs_phone (contact_phone, id),
  KEY repairs_serial (serial_no, id),
  KEY repairs_name (contact_name, id),
  KEY repairs_created (created_at, id),
  KEY repairs_due (status, due_at, id),
  KEY repairs_visit (assignee_id, visit_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline of repairs (and later returns); public rows are shown on /track.
CREATE TABLE events (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  subject ENUM('repair','return') NOT NULL,
  subject_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  actor_id BIGINT UNSIGNED NULL,
  actor VARCHAR(64) NOT NULL,
  action VARCHAR(32) NOT NULL,
  from_status VARCHAR(16) NOT NULL DEFAULT '',
  to_status VARCHAR(16) NOT NULL DEFAULT '',
  note VARCHAR(2000) NOT NULL DEFAULT '',
  public_note VARCHAR(255) NOT NULL DEFAULT '',
  is_public TINYINT(1) NOT NULL DEFAULT 0,
  KEY events_subject (subject, subject_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE repair_labour (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  repair_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  work_date DATE NOT NULL,
  minutes INT UNSIGNED NOT NULL,
  note VARCHAR(255) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  KEY repair_labour_repair (repair_id, id),
  KEY repair_labour_user (user_id, work_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per kind and day; the row lock makes concurrent submissions take distinct numbers.
CREATE TABLE daily_counters (
  kind CHAR(1) NOT NULL,
  day DATE NOT NULL,
  last INT UNSIGNED NOT NULL,
  PRIMARY KEY (kind, day)
) ENGINE=InnoDB;

-- One-time tokens of public forms: a form sent twice finds its first result here.
CREATE TABLE submissions (
  token CHAR(64) PRIMARY KEY,
  public_no VARCHAR(16) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY submissions_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE holidays (
  day DATE PRIMARY KEY,
  name VARCHAR(64) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
