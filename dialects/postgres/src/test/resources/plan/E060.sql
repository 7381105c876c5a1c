-- Drop index "i" from table: "t"
DROP INDEX "i";
-- Create index "i" to table: "t"
CREATE UNIQUE INDEX "i" ON "t" ("c");
