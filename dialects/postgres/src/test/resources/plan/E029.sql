-- Modify "users" table
ALTER TABLE "users" ADD COLUMN "name" character varying(255) NOT NULL DEFAULT 'logged_in', ADD COLUMN "last" character varying(255) NOT NULL DEFAULT 'logged_in';
-- Set comment to column: "name" on table: "users"
COMMENT ON COLUMN "users"."name" IS 'foo';
-- Set comment to column: "last" on table: "users"
COMMENT ON COLUMN "users"."last" IS 'bar';
