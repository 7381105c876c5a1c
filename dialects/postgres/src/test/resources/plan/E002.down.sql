-- reverse: set comment to schema: "public"
COMMENT ON SCHEMA "public" IS '';
-- reverse: add new schema named "public"
DROP SCHEMA "public" CASCADE;
