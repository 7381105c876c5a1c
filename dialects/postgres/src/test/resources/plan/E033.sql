-- Modify "t" table
ALTER TABLE "t" ALTER COLUMN "c" TYPE bigint;
