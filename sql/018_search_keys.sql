-- The repair queue's search box finds the last 4 digits of a phone (issue #11) through its own key,
-- so such a search reads its matches instead of every repair (a product name uses repairs_product).
ALTER TABLE repairs
  ADD COLUMN phone_tail CHAR(4) AS (RIGHT(contact_phone, 4)) PERSISTENT,
  ADD KEY repairs_phone_tail (phone_tail, id);
