-- Create index "t2_id" to table: "t2"
CREATE UNIQUE INDEX "t2_id" ON "t2" ("id");
