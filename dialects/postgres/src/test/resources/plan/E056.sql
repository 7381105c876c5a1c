-- Create index "include_key" to table: "users"
CREATE INDEX "include_key" ON "users" ("id") INCLUDE ("a", "b");
