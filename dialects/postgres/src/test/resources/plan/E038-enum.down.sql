-- reverse: set comment to column: "state" on table: "users"
COMMENT ON COLUMN "public"."users"."state" IS 'foo';
