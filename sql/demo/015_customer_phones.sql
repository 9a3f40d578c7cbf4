-- The demo customers' numbers as their primary ones (customer_phones, sql/018), as intake records them.
INSERT IGNORE INTO customer_phones (customer_id, phone, is_primary, created_at)
  SELECT id, phone, 1, created_at FROM customers WHERE phone <> '' AND merged_into IS NULL;
