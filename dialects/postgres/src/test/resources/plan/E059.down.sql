-- reverse: Create index "add_con" to table: "users"
DROP INDEX CONCURRENTLY "add_con";
-- reverse: Drop index "drop_con" from table: "users"
CREATE INDEX CONCURRENTLY "drop_con" ON "users" ("id");
