-- Modify "users" table
ALTER TABLE "users" DROP COLUMN "type", ADD COLUMN "int" integer NOT NULL DEFAULT 1;
-- Drop enum type "status"
DROP TYPE "status";
