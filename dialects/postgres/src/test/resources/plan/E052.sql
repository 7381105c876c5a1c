-- Create index "id_key" to table: "users"
CREATE INDEX "id_key" ON "users" ("id" DESC) WHERE success;
-- Set comment to index: "id_key" on table: "users"
COMMENT ON INDEX "id_key" IS 'comment';
