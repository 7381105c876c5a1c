-- Modify "users" table
ALTER TABLE "users" ALTER COLUMN "name" TYPE text COLLATE "ja-x-icu";
