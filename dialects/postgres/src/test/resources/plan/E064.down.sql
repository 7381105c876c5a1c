-- reverse: set comment to index: "id_key" on table: "users"
COMMENT ON INDEX "id_key" IS 'foo';
