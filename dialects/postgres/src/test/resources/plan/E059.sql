-- atlas:txmode none

-- Drop index "drop_con" from table: "users"
DROP INDEX CONCURRENTLY "drop_con";
-- Create index "add_con" to table: "users"
CREATE INDEX CONCURRENTLY "add_con" ON "users" ("id");
