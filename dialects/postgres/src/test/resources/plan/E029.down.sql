-- reverse: set comment to column: "last" on table: "users"
COMMENT ON COLUMN "users"."last" IS '';
-- reverse: set comment to column: "name" on table: "users"
COMMENT ON COLUMN "users"."name" IS '';
-- reverse: modify "users" table
ALTER TABLE "users" DROP COLUMN "last", DROP COLUMN "name";
