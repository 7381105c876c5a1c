-- reverse: create index "add_con" to table: "users"
DROP INDEX CONCURRENTLY "add_con";
-- reverse: drop index "drop_con" from table: "users"
CREATE INDEX CONCURRENTLY "drop_con" ON "users" ("id");
