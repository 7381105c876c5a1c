-- Modify "users" table
ALTER TABLE "users" ALTER COLUMN "nick" SET NOT NULL, ALTER COLUMN "nick" SET DEFAULT 'a8m';
