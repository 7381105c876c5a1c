-- reverse: set comment to index: "id_key" on table: "users"
COMMENT ON INDEX "id_key" IS '';
-- reverse: create index "id_key" to table: "users"
DROP INDEX "id_key";
