-- reverse: set comment to schema: "modify1"
COMMENT ON SCHEMA "modify1" IS '';
