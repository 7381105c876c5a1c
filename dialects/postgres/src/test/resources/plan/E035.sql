-- Modify "users" table
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'anonymous', ALTER COLUMN "age" SET DEFAULT 0, ALTER COLUMN "active" SET DEFAULT false, DROP COLUMN "bpchar";
