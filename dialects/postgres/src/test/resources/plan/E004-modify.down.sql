-- reverse: set comment to schema: "modify2"
COMMENT ON SCHEMA "modify2" IS 'old';
