-- reverse: Set comment to schema: "public"
COMMENT ON SCHEMA "public" IS '';
-- reverse: Add new schema named "public"
DROP SCHEMA "public" CASCADE;
