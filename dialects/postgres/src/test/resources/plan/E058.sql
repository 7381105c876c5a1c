-- Modify "users" table
ALTER TABLE "users" ADD CONSTRAINT "unique_const" UNIQUE NULLS NOT DISTINCT ("id");
-- Create index "nulls_distinct" to table: "users"
CREATE UNIQUE INDEX "nulls_distinct" ON "users" ("id");
-- Create index "nulls_not_distinct" to table: "users"
CREATE UNIQUE INDEX "nulls_not_distinct" ON "users" ("id") NULLS NOT DISTINCT;
