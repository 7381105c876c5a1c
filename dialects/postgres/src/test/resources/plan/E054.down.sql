-- reverse: drop index "name_index" from table: "users"
CREATE INDEX "name_index" ON "users" ("name");
