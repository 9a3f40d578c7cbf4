-- Staff pick a repair's product from the products table (category, brand, model) instead of typing
-- it, so its warranty is the picked product's, not a look-up by the typed name (#11). The name stays
-- the product's unique label (and what the public form's free text is matched against); a product
-- that had only a name is its own category.
ALTER TABLE products
  ADD COLUMN category VARCHAR(32) NOT NULL DEFAULT '' AFTER name,
  ADD COLUMN brand VARCHAR(32) NOT NULL DEFAULT '' AFTER category,
  ADD COLUMN model VARCHAR(64) NOT NULL DEFAULT '' AFTER brand;
UPDATE products SET category = LEFT(name, 32) WHERE category = '';
ALTER TABLE repairs ADD COLUMN product_id BIGINT UNSIGNED NULL AFTER product, ADD KEY repairs_product_id (product_id);
