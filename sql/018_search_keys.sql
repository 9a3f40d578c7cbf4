-- The repair queue's search box finds the last 4 digits of a phone (issue #11) through its own key,
-- so such a search reads its matches instead of every repair (a product name uses repairs_product).
ALTER TABLE repairs
  ADD COLUMN phone_tail CHAR(4) AS (RIGHT(contact_phone, 4)) PERSISTENT,
  ADD KEY repairs_phone_tail (phone_tail, id);

-- A customer has several phone numbers, one of them primary (customers.phone keeps the primary one
-- for every page that shows a customer's phone). Intake matches, and searches find, any of them;
-- merging two records keeps both records' numbers.
CREATE TABLE customer_phones (
  customer_id BIGINT UNSIGNED NOT NULL,
  phone VARCHAR(24) NOT NULL,
  is_primary TINYINT(1) NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (customer_id, phone),
  KEY customer_phones_phone (phone, customer_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO customer_phones (customer_id, phone, is_primary, created_at)
  SELECT id, phone, 1, created_at FROM customers WHERE phone <> '' AND merged_into IS NULL;
