-- Public numbers grow past four digits on a busy day instead of stopping intake: the sequence
-- part may have up to 12 digits (a BIGINT counter), so the columns that hold a number widen.
-- A public request records the contact details typed on it (contact_email here; name, phone and
-- address were already there) and never changes the customer record; staff take them over.
ALTER TABLE daily_counters MODIFY last BIGINT UNSIGNED NOT NULL;
ALTER TABLE repairs
  MODIFY public_no VARCHAR(24) NOT NULL,
  ADD COLUMN contact_email VARCHAR(128) NOT NULL DEFAULT '' AFTER contact_phone;
ALTER TABLE submissions MODIFY public_no VARCHAR(24) NOT NULL;
UPDATE repairs r JOIN customers c ON c.id = r.customer_id SET r.contact_email = c.email WHERE r.contact_email = '';
