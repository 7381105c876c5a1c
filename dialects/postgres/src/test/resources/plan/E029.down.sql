-- reverse: Set comment to column: "last" on table: "users"
COMMENT ON COLUMN "users"."last" IS '';
-- reverse: Set comment to column: "name" on table: "users"
COMMENT ON COLUMN "users"."name" IS '';
-- reverse: Modify "users" table
ALTER TABLE "users" DROP COLUMN "last", DROP COLUMN "name";
