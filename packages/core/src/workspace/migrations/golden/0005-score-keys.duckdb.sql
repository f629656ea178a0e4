ALTER TABLE scores ADD COLUMN IF NOT EXISTS k UBIGINT;

UPDATE scores SET k = hash(customer_id);
