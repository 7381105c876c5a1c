-- Drop index "users_name" from table: "users"
DROP INDEX "users_name";
-- Create index "users_name" to table: "users"
CREATE INDEX "users_name" ON "users" ("name") WHERE (active AND (name <> ''::text));
