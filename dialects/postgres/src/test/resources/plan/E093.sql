-- Create enum type "state"
CREATE TYPE "public"."state" AS ENUM ('on', 'off');
-- Create enum type "status"
CREATE TYPE "test"."status" AS ENUM ('a', 'b');
-- Modify "users" table
ALTER TABLE "public"."users" ALTER COLUMN "state" TYPE "public"."state", ALTER COLUMN "status" TYPE "test"."status", DROP COLUMN "dc1", DROP COLUMN "dc2";
-- Drop enum type "de"
DROP TYPE "public"."de";
