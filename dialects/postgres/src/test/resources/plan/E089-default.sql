-- Modify "users" table
ALTER TABLE "users" ALTER COLUMN "type" SET DEFAULT 'inactive';
