-- reverse: set comment to column: "state" on table: "users"
COMMENT ON COLUMN "users"."state" IS 'bar';
