-- Add value to enum type: "state"
ALTER TYPE "public"."state" ADD VALUE 'unknown';
-- Set comment to column: "state" on table: "users"
COMMENT ON COLUMN "public"."users"."state" IS '';
