-- Returns, exchanges and refunds (退换货): the request as the customer made it, the decision
-- against the 三包 rules, the goods coming back, the inspection, and the refund, the replacement or
-- the repair it became. Money in integer cents. The timeline is in events (subject 'return').
CREATE TABLE returns (
  id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
  public_no VARCHAR(24) NOT NULL,
  customer_id BIGINT UNSIGNED NOT NULL,
  channel ENUM('web','phone','counter') NOT NULL DEFAULT 'web',
  contact_name VARCHAR(64) NOT NULL,
  contact_phone VARCHAR(24) NOT NULL,
  address VARCHAR(255) NOT NULL DEFAULT '',
  order_no VARCHAR(64) NOT NULL,
  product VARCHAR(64) NOT NULL,
  serial_no VARCHAR(64) NOT NULL DEFAULT '',
  purchase_date DATE NULL,
  -- NULL: the customer did not say where it was bought
  bought_online TINYINT(1) NULL,
  -- 1: a performance fault (性能故障); 0: a return without a reason
  has_fault TINYINT(1) NOT NULL DEFAULT 1,
  amount_paid BIGINT NULL,
  kind ENUM('return','exchange','refund') NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  -- the earlier repair (R number as typed) this return follows
  repair_no VARCHAR(24) NOT NULL DEFAULT '',
  status ENUM('requested','approved','rejected','received','inspected','refunded','exchanged','closed',
              'converted','cancelled') NOT NULL DEFAULT 'requested',
  -- the answer is due while requested, the refund or exchange while inspected; no clock in between
  due_at DATETIME NULL,
  decision_note VARCHAR(500) NOT NULL DEFAULT '',
  decision_exception TINYINT(1) NOT NULL DEFAULT 0,
  decided_by BIGINT UNSIGNED NULL,
  decided_at DATETIME NULL,
  received_condition VARCHAR(500) NOT NULL DEFAULT '',
  inbound_logistics VARCHAR(64) NOT NULL DEFAULT '',
  received_at DATETIME NULL,
  inspection ENUM('fault_confirmed','no_fault','user_damage') NULL,
  inspection_notes VARCHAR(2000) NOT NULL DEFAULT '',
  inspected_by BIGINT UNSIGNED NULL,
  inspected_at DATETIME NULL,
  refund_amount BIGINT NULL,
  refund_method ENUM('original','bank','cash','wechat','alipay') NULL,
  refund_reference VARCHAR(64) NOT NULL DEFAULT '',
  refund_note VARCHAR(500) NOT NULL DEFAULT '',
  refunded_at DATETIME NULL,
  replacement_product VARCHAR(64) NOT NULL DEFAULT '',
  replacement_serial VARCHAR(64) NOT NULL DEFAULT '',
  outbound_logistics VARCHAR(64) NOT NULL DEFAULT '',
  exchanged_at DATETIME NULL,
  new_repair_id BIGINT UNSIGNED NULL,
  cancel_reason VARCHAR(500) NOT NULL DEFAULT '',
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  closed_at DATETIME NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  open_due DATETIME AS (IF(status IN ('requested','inspected'), due_at, NULL)) PERSISTENT,
  UNIQUE KEY returns_public_no (public_no),
  KEY returns_status (status, id),
  KEY returns_kind (kind, status, id),
  KEY returns_customer (customer_id, id),
  KEY returns_phone (contact_phone, id),
  KEY returns_order (order_no, id),
  KEY returns_serial (serial_no, id),
  KEY returns_name (contact_name, id),
  KEY returns_created (created_at, id),
  KEY returns_open_due (open_due, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A repair made from an inspected return points back to it.
ALTER TABLE repairs
  ADD COLUMN return_id BIGINT UNSIGNED NULL,
  ADD KEY repairs_return (return_id);
